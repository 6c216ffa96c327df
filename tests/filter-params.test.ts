import { describe, expect, it } from "vitest";
import { listParamsSchema } from "@/lib/validations/common";
import { outboxFilterSchema } from "@/lib/validations/outbox";
import { containsPattern } from "@/db/queries/util";

describe("filters typed into the address bar", () => {
  it("read control characters, NUL among them, as spaces", () => {
    expect(listParamsSchema.parse({ q: "Kami\u0000kawa\n" }).q).toBe("Kami kawa");
    expect(outboxFilterSchema.parse({ to: "\u0000a@example.org" }).to).toBe("a@example.org");
  });

  it("drop a filter that is too long or not text, and keep the page", () => {
    expect(listParamsSchema.parse({ q: "x".repeat(201), page: "3" })).toEqual({ q: undefined, page: 3 });
    expect(listParamsSchema.parse({ q: ["a", "b"] }).q).toBeUndefined();
    expect(outboxFilterSchema.parse({ to: "y".repeat(255) }).to).toBeUndefined();
  });

  it("never hand PostgreSQL a pattern with NUL in it", () => {
    expect(containsPattern("50%\u0000_off")).toBe("%50\\%\\_off%");
  });
});
