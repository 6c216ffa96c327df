import { readdirSync } from "node:fs";
import { join } from "node:path";
import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// The wording zod writes when a schema gives none: a person should never read it.
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid (email|UUID|string|URL|date)|Expected|Required|Too (small|big)|Unrecognized|Invalid literal)/i;

const dir = join(__dirname, "..", "lib", "validations");
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""));

/** The keys of an object schema, through the wrappers (refinements, pipes) a form schema may carry. */
function keysOf(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; in?: z.ZodType; def?: { innerType?: z.ZodType } };
  if (s.shape) return Object.keys(s.shape);
  if (s.in) return keysOf(s.in);
  if (s.def?.innerType) return keysOf(s.def.innerType);
  return [];
}

/** Every message a schema gives for input as it arrives from an untouched form, a plain post, or nothing at all. */
function messagesFor(schema: z.ZodType): string[] {
  const keys = keysOf(schema);
  const inputs: unknown[] = [
    {},
    Object.fromEntries(keys.map((k) => [k, ""])),
    Object.fromEntries(keys.map((k) => [k, "   "])),
    Object.fromEntries(keys.map((k) => [k, null])),
    Object.fromEntries(keys.map((k) => [k, "x"])),
    Object.fromEntries(keys.map((k) => [k, "x".repeat(120_000)])),
  ];
  const out: string[] = [];
  for (const input of inputs) {
    const result = schema.safeParse(input);
    if (!result.success) for (const issue of result.error.issues) out.push(`${issue.path.join(".") || "(form)"}: ${issue.message}`);
  }
  return out;
}

const schemas: [string, z.ZodType][] = [];
for (const file of modules) {
  const mod = (await import(`../lib/validations/${file}.ts`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (value instanceof z.ZodType && keysOf(value).length > 0) schemas.push([`${file}.ts#${name}`, value]);
  }
}

describe("validation messages", () => {
  it("finds the form schemas", () => {
    const names = schemas.map(([n]) => n);
    for (const expected of [
      "registration.ts#registrationSchema",
      "auth.ts#passwordSignInSchema",
      "auth.ts#linkSignInSchema",
      "topic.ts#topicSchema",
      "event.ts#eventSchema",
      "user.ts#createUserSchema",
      "profile.ts#profileSchema",
      "summary.ts#referencesSchema",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(schemas)("%s speaks in its own words for empty and malformed input", (_name, schema) => {
    const defaults = messagesFor(schema).filter((m) => ZOD_DEFAULT.test(m.slice(m.indexOf(": ") + 2)));
    expect(defaults).toEqual([]);
  });

  it("reports every problem of an empty registration at once, consent and category included", async () => {
    const { registrationSchemaFor } = await import("@/lib/validations/registration");
    const result = registrationSchemaFor(["Government", "Media"]).safeParse({ slug: "x", name: "", email: "", category: "", consent: false, idempotencyKey: crypto.randomUUID() });
    expect(result.success).toBe(false);
    const fields = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(fields.name).toEqual(["Enter your name."]);
    expect(fields.email?.[0]).toBe("Enter your email address.");
    expect(fields.category).toEqual(["Choose a category from the list."]);
    expect(fields.consent).toEqual(["Please agree to the privacy notice to register."]);
  });

  it("hands the form the schema's own words, not those of a union's first branch", async () => {
    const { registrationSchemaFor } = await import("@/lib/validations/registration");
    const resolve = zodResolver(registrationSchemaFor(["Government"]) as never);
    const values = { slug: "x", name: "", email: "", organization: "", category: "", consent: false, website: "", idempotencyKey: crypto.randomUUID() };
    const result = await resolve(values as never, undefined, { fields: {}, shouldUseNativeValidation: false } as never);
    const errors = result.errors as Record<string, { message?: string }>;
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.message]))).toEqual({
      name: "Enter your name.",
      email: "Enter your email address.",
      category: "Choose a category from the list.",
      consent: "Please agree to the privacy notice to register.",
    });
  });

  it("shows a form's cross-field problems together with the rest", async () => {
    const { eventSchema } = await import("@/lib/validations/event");
    const result = eventSchema.safeParse({ title: "", timeZone: "Europe/Zurich", startDate: "2027-01-11", startTime: "15:00", durationMinutes: "90", registrationOpensDate: "2026-12-01", registrationOpensTime: "" });
    const fields = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(fields.title).toEqual(["Give the event a title."]);
    expect(fields.registrationOpensTime).toEqual(["Enter a time as well, or clear the date."]);

    const { profileSchema } = await import("@/lib/validations/profile");
    const profile = profileSchema.safeParse({ personId: crypto.randomUUID(), givenName: "", familyName: "", nameOrder: "given_family", portraitId: crypto.randomUUID(), portraitAlt: "" });
    const profileFields = z.flattenError(profile.error!).fieldErrors as Record<string, string[]>;
    expect(Object.keys(profileFields).sort()).toEqual(["familyName", "portraitAlt"]);
  });
});
