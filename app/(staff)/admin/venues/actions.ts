"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteVenueRow, getVenue, insertVenue, lockVenue, updateVenueRow, venueUsage } from "@/db/queries/venues";
import { action } from "@/lib/action";
import type { ActionResult } from "@/lib/errors";
import { createRecord, deleteUnused, updateRecord } from "@/lib/records";
import { idSchema } from "@/lib/validations/common";
import { updateVenueSchema, venueSchema } from "@/lib/validations/venue";
import { publicChanged } from "@/lib/public-cache";
import { translated } from "@/lib/translations";

export const createVenue = action({ role: "staff", schema: venueSchema }, async (context): Promise<ActionResult<{ id: string }>> => {
  const result = await createRecord(context, "venue", translated(context.input), { insert: insertVenue });
  if (!result.ok) return result;
  revalidatePath("/admin/venues");
  redirect(`/admin/venues/${result.data.id}?saved=1`);
});

/** Events keep their own time zone: changing the venue's zone does not move events already planned there. */
export const updateVenue = action({ role: "staff", schema: updateVenueSchema }, async (context) => {
  const { id, ...values } = context.input;
  const result = await updateRecord(context, "venue", id, { read: getVenue, values: (before) => translated(values, before.translations), write: updateVenueRow });
  revalidatePath("/admin/venues");
  // Event pages and cards show the venue (a venue in use cannot be deleted, so only an edit matters).
  if (result.ok) publicChanged({ kind: "venue" });
  return result;
});

export const deleteVenue = action({ role: "staff", schema: idSchema }, async (context) => {
  const { id } = context.input;
  const result = await deleteUnused(context, "venue", id, {
    lock: lockVenue,
    inUse: async (_venue, tx) => {
      const { events } = await venueUsage(id, tx);
      if (!events) return null;
      const [where, them] = events === 1 ? ["1 event takes place", "it"] : [`${events} events take place`, "them"];
      return `This venue cannot be deleted while ${where} there. Move ${them} to another venue or delete ${them} first.`;
    },
    remove: deleteVenueRow,
    audited: (venue) => ({ name: venue.name, city: venue.city }),
  });
  revalidatePath("/admin/venues");
  return result;
});
