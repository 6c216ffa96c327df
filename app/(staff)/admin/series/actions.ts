"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db, type Executor } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { deleteSeriesRow, getSeries, insertSeries, isSeriesPublic, lockSeries, seriesUsage, updateSeriesRow } from "@/db/queries/series";
import { getTopic } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { slugify } from "@/lib/slug";
import { idSchema } from "@/lib/validations/common";
import { seriesSchema, updateSeriesSchema } from "@/lib/validations/series";
import { publicChanged } from "@/lib/public-cache";

const SLUG_TAKEN = { slug: ["Another series already uses this address. Choose another."] };
const TOPIC_GONE = fail("Some fields need attention.", { topicId: ["That topic no longer exists. Choose another."] });

// The topic may have been deleted since the form was drawn; say so beside the field rather than fail on the key.
async function topicExists(topicId: string | null, tx: Executor): Promise<boolean> {
  return topicId === null || Boolean(await getTopic(topicId, tx));
}

export async function createSeries(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = seriesSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const values = { ...parsed.data, slug: parsed.data.slug ?? slugify(parsed.data.name) };
  let result: ActionResult<{ id: string }>;
  try {
    result = await db.transaction(async (tx) => {
      if (!(await topicExists(values.topicId, tx))) return TOPIC_GONE;
      const row = await insertSeries(values, tx);
      await writeAudit({ actorId: me.id, client, action: "series.create", entityType: "series", entityId: row.id, changes: values }, tx);
      return { ok: true as const, data: { id: row.id } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", SLUG_TAKEN);
    throw error;
  }
  if (!result.ok) return result;
  revalidatePath("/admin/series");
  publicChanged({ kind: "series" });
  redirect(`/admin/series/${result.data.id}?saved=1`);
}

export async function updateSeries(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = updateSeriesSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...rest } = parsed.data;
  try {
    const result = await db.transaction(async (tx) => {
      const before = await getSeries(id, tx);
      if (!before) return fail("This series no longer exists.");
      const values = { ...rest, slug: rest.slug ?? before.slug };
      if (values.slug !== before.slug && (await isSeriesPublic(id, tx))) {
        return fail("Some fields need attention.", { slug: ["This series is public, so its address can no longer change."] });
      }
      if (values.topicId !== before.topicId && !(await topicExists(values.topicId, tx))) return TOPIC_GONE;
      const changes = changedFields(before, values);
      if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
      await updateSeriesRow(id, values, tx);
      await writeAudit({ actorId: me.id, client, action: "series.update", entityType: "series", entityId: id, changes }, tx);
      return { ok: true as const, data: undefined, message: "Saved." };
    });
    revalidatePath("/admin/series");
    if (result.ok) publicChanged({ kind: "series", id });
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", SLUG_TAKEN);
    throw error;
  }
}

export async function deleteSeries(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const row = await lockSeries(id, tx);
    if (!row) return fail("This series no longer exists.");
    const usage = await seriesUsage(id, tx);
    if (usage.events) {
      const events = usage.events === 1 ? "1 event belongs" : `${usage.events} events belong`;
      return fail(`This series cannot be deleted while ${events} to it. Move or delete those events first.`);
    }
    await deleteSeriesRow(id, tx);
    await writeAudit({ actorId: me.id, client, action: "series.delete", entityType: "series", entityId: id, changes: { name: row.name, slug: row.slug } }, tx);
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/series");
  if (result.ok) publicChanged({ kind: "series", id });
  return result;
}
