"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import {
  deletePersonRow,
  getPerson,
  insertPerson,
  isPersonPublic,
  isPersonSlugTaken,
  lockPerson,
  personUsage,
  updatePersonRow,
} from "@/db/queries/people";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { displayName, plainName } from "@/lib/names";
import { slugify } from "@/lib/slug";
import { idSchema } from "@/lib/validations/common";
import { personSchema, updatePersonSchema } from "@/lib/validations/person";
import { publicChanged } from "@/lib/public-cache";

/** The audit log records that the private email changed, never the address itself. */
function withoutEmail(changes: Record<string, unknown>): Record<string, unknown> {
  return "email" in changes ? { ...changes, email: "changed" } : changes;
}

// Namesakes are common, so a taken address comes with a free one to use instead.
async function slugTaken(slug: string): Promise<ActionResult<never>> {
  let suggestion: string | undefined;
  for (let n = 2; n < 50 && !suggestion; n++) {
    const candidate = `${slug.slice(0, 76)}-${n}`;
    if (!(await isPersonSlugTaken(candidate))) suggestion = candidate;
  }
  const message = suggestion
    ? `Another person already uses this address. Choose another, such as ${suggestion}.`
    : "Another person already uses this address. Choose another.";
  return fail("Some fields need attention.", { slug: [message] });
}

export async function createPerson(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = personSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const values = { ...parsed.data, slug: parsed.data.slug ?? slugify(plainName(parsed.data)) };
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const person = await insertPerson(values, tx);
      const changes = values.email ? withoutEmail(values) : { ...values, email: null };
      await writeAudit({ actorId: me.id, client, action: "person.create", entityType: "person", entityId: person.id, changes }, tx);
      return person.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
  revalidatePath("/admin/people");
  redirect(`/admin/people/${id}?saved=1`);
}

/** Staff edits apply at once (a panelist's own edits go through review instead). */
export async function updatePerson(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = updatePersonSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...rest } = parsed.data;
  let slug: string | undefined;
  try {
    const result = await db.transaction(async (tx) => {
      const before = await getPerson(id, tx);
      if (!before) return fail("This person no longer exists.");
      const values = { ...rest, slug: rest.slug ?? before.slug };
      slug = values.slug;
      if (values.slug !== before.slug && (await isPersonPublic(id, tx))) {
        return fail("Some fields need attention.", {
          slug: ["This person appears on a public event, so the address of their page can no longer change."],
        });
      }
      const changes = changedFields(before, values);
      if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
      await updatePersonRow(id, values, tx);
      await writeAudit({ actorId: me.id, client, action: "person.update", entityType: "person", entityId: id, changes: withoutEmail(changes) }, tx);
      return { ok: true as const, data: undefined, message: "Saved." };
    });
    revalidatePath("/admin/people");
    // Event pages show the people speaking (someone on no event cannot be deleted, so only an edit matters).
    if (result.ok) publicChanged({ kind: "person" });
    return result;
  } catch (error) {
    if (isUniqueViolation(error) && slug) return slugTaken(slug);
    throw error;
  }
}

export async function deletePerson(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const person = await lockPerson(id, tx);
    if (!person) return fail("This person no longer exists.");
    const usage = await personUsage(id, tx);
    if (usage.events) {
      const events = usage.events === 1 ? "1 event. Remove them from that event first." : `${usage.events} events. Remove them from those events first.`;
      return fail(`${displayName(person)} takes part in ${events}`);
    }
    await deletePersonRow(id, tx);
    await writeAudit(
      { actorId: me.id, client, action: "person.delete", entityType: "person", entityId: id, changes: { name: displayName(person), slug: person.slug } },
      tx,
    );
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/people");
  return result;
}
