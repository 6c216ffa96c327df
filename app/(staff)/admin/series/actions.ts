"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Executor } from "@/db";
import { deleteSeriesRow, getSeries, insertSeries, isSeriesPublic, lockSeries, seriesUsage, updateSeriesRow } from "@/db/queries/series";
import { getTopic } from "@/db/queries/topics";
import { action } from "@/lib/action";
import { type ActionResult, invalidFields } from "@/lib/errors";
import { addressFixed, createRecord, deleteUnused, keepAddress, updateRecord, withAddress } from "@/lib/records";
import { idSchema } from "@/lib/validations/common";
import { seriesSchema, updateSeriesSchema } from "@/lib/validations/series";
import { publicChanged } from "@/lib/public-cache";
import { translated } from "@/lib/translations";

const SLUG_TAKEN = { unique: { slug: ["Another series already uses this address. Choose another."] } };

// The topic may have been deleted since the form was drawn; say so beside the field rather than fail on the key.
async function topicGone(topicId: string | null, tx: Executor): Promise<ActionResult<never> | null> {
  if (topicId === null || (await getTopic(topicId, tx))) return null;
  return invalidFields({ topicId: ["That topic no longer exists. Choose another."] });
}

const addressStays = addressFixed(isSeriesPublic, "This series is public, so its address can no longer change.");

function seriesChanged(result: ActionResult<unknown>, id?: string): void {
  revalidatePath("/admin/series");
  if (result.ok) publicChanged({ kind: "series", id });
}

export const createSeries = action({ role: "staff", schema: seriesSchema, conflicts: SLUG_TAKEN }, async (context): Promise<ActionResult<{ id: string }>> => {
  const values = withAddress(translated(context.input), context.input.name);
  const result = await createRecord(context, "series", values, { check: (tx) => topicGone(values.topicId, tx), insert: insertSeries });
  if (!result.ok) return result;
  seriesChanged(result);
  redirect(`/admin/series/${result.data.id}?saved=1`);
});

export const updateSeries = action({ role: "staff", schema: updateSeriesSchema, conflicts: SLUG_TAKEN }, async (context) => {
  const { id, ...rest } = context.input;
  const result = await updateRecord(context, "series", id, {
    read: getSeries,
    values: (before) => keepAddress(translated(rest, before.translations))(before),
    check: async (before, values, tx) => (await addressStays(before, values, tx)) ?? (values.topicId !== before.topicId ? topicGone(values.topicId, tx) : null),
    write: updateSeriesRow,
  });
  seriesChanged(result, id);
  return result;
});

export const deleteSeries = action({ role: "staff", schema: idSchema }, async (context) => {
  const { id } = context.input;
  const result = await deleteUnused(context, "series", id, {
    lock: lockSeries,
    inUse: async (_series, tx) => {
      const { events } = await seriesUsage(id, tx);
      if (!events) return null;
      return `This series cannot be deleted while ${events === 1 ? "1 event belongs" : `${events} events belong`} to it. Move or delete those events first.`;
    },
    remove: deleteSeriesRow,
    audited: (row) => ({ name: row.name, slug: row.slug }),
  });
  seriesChanged(result, id);
  return result;
});
