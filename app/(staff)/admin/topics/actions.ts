"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { deleteTopicRow, getTopic, insertTopic, isTopicPublic, topicUsage, updateTopicRow } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { slugify } from "@/lib/slug";
import { idSchema } from "@/lib/validations/common";
import { topicSchema, updateTopicSchema } from "@/lib/validations/topic";
import { publicChanged } from "@/lib/public-cache";

const SLUG_TAKEN = { slug: ["Another topic already uses this address. Choose another."] };

export async function createTopic(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = topicSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const values = { ...parsed.data, slug: parsed.data.slug ?? slugify(parsed.data.name) };
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const topic = await insertTopic(values, tx);
      await writeAudit({ actorId: me.id, client, action: "topic.create", entityType: "topic", entityId: topic.id, changes: values }, tx);
      return topic.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", SLUG_TAKEN);
    throw error;
  }
  revalidatePath("/admin/topics");
  // The home page lists the topics.
  publicChanged({ kind: "topic" });
  redirect(`/admin/topics/${id}?saved=1`);
}

export async function updateTopic(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = updateTopicSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...rest } = parsed.data;
  try {
    const result = await db.transaction(async (tx) => {
      const before = await getTopic(id, tx);
      if (!before) return fail("This topic no longer exists.");
      const values = { ...rest, slug: rest.slug ?? before.slug };
      if (values.slug !== before.slug && (await isTopicPublic(id, tx))) {
        return fail("Some fields need attention.", { slug: ["This topic is public, so its address can no longer change."] });
      }
      const changes = changedFields(before, values);
      if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
      await updateTopicRow(id, values, tx);
      await writeAudit({ actorId: me.id, client, action: "topic.update", entityType: "topic", entityId: id, changes }, tx);
      return { ok: true as const, data: undefined, message: "Saved." };
    });
    revalidatePath("/admin/topics");
    if (result.ok) publicChanged({ kind: "topic", id });
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", SLUG_TAKEN);
    throw error;
  }
}

export async function deleteTopic(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const topic = await getTopic(id, tx);
    if (!topic) return fail("This topic no longer exists.");
    const usage = await topicUsage(id, tx);
    if (usage.series || usage.events) {
      return fail(`This topic cannot be deleted while ${describeUsage(usage)} belong to it. Move or delete them first.`);
    }
    await deleteTopicRow(id, tx);
    await writeAudit({ actorId: me.id, client, action: "topic.delete", entityType: "topic", entityId: id, changes: { name: topic.name, slug: topic.slug } }, tx);
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/topics");
  if (result.ok) publicChanged({ kind: "topic", id });
  return result;
}

function describeUsage({ series, events }: { series: number; events: number }): string {
  const parts = [];
  if (series) parts.push(`${series} series`);
  if (events) parts.push(`${events} event${events === 1 ? "" : "s"}`);
  return parts.join(" and ");
}
