"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { deleteVenueRow, getVenue, insertVenue, lockVenue, updateVenueRow, venueUsage } from "@/db/queries/venues";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { idSchema } from "@/lib/validations/common";
import { updateVenueSchema, venueSchema } from "@/lib/validations/venue";
import { publicChanged } from "@/lib/public-cache";

export async function createVenue(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = venueSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const values = parsed.data;
  const id = await db.transaction(async (tx) => {
    const venue = await insertVenue(values, tx);
    await writeAudit({ actorId: me.id, client, action: "venue.create", entityType: "venue", entityId: venue.id, changes: values }, tx);
    return venue.id;
  });
  revalidatePath("/admin/venues");
  redirect(`/admin/venues/${id}?saved=1`);
}

/** Events keep their own time zone: changing the venue's zone does not move events already planned there. */
export async function updateVenue(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = updateVenueSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...values } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const before = await getVenue(id, tx);
    if (!before) return fail("This venue no longer exists.");
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
    await updateVenueRow(id, values, tx);
    await writeAudit({ actorId: me.id, client, action: "venue.update", entityType: "venue", entityId: id, changes }, tx);
    return { ok: true as const, data: undefined, message: "Saved." };
  });
  revalidatePath("/admin/venues");
  // Event pages and cards show the venue (a venue in use cannot be deleted, so only an edit matters).
  if (result.ok) publicChanged({ kind: "venue" });
  return result;
}

export async function deleteVenue(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const venue = await lockVenue(id, tx);
    if (!venue) return fail("This venue no longer exists.");
    const usage = await venueUsage(id, tx);
    if (usage.events) {
      const [events, them] = usage.events === 1 ? ["1 event takes place", "it"] : [`${usage.events} events take place`, "them"];
      return fail(`This venue cannot be deleted while ${events} there. Move ${them} to another venue or delete ${them} first.`);
    }
    await deleteVenueRow(id, tx);
    await writeAudit(
      { actorId: me.id, client, action: "venue.delete", entityType: "venue", entityId: id, changes: { name: venue.name, city: venue.city } },
      tx,
    );
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/venues");
  return result;
}
