import { describe, expect, it } from "vitest";
import { flattenFieldErrors, orderByForm } from "@/components/forms/field-errors";

describe("flattenFieldErrors", () => {
  it("lists nested and array errors by their dotted field names, skipping the element refs", () => {
    const errors = {
      name: { type: "too_small", message: "Give the topic a name.", ref: { name: "name" } },
      references: [undefined, { title: { type: "too_small", message: "Give the reference a title." } }],
      participantIds: { type: "custom", message: "Choose participants from the list." },
      empty: { type: "custom", message: "" },
    };
    expect(flattenFieldErrors(errors as never)).toEqual([
      { name: "name", message: "Give the topic a name." },
      { name: "references.1.title", message: "Give the reference a title." },
      { name: "participantIds", message: "Choose participants from the list." },
    ]);
  });

  it("keeps errors of fields no form shows, unlinked, when there is no form to look in", () => {
    expect(orderByForm([{ name: "eventId", message: "That event does not exist." }], null)).toEqual([{ message: "That event does not exist." }]);
  });
});
