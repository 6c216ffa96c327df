"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteTopicRow, getTopic, insertTopic, isTopicPublic, topicUsage, updateTopicRow } from "@/db/queries/topics";
import { action } from "@/lib/action";
import type { ActionResult } from "@/lib/errors";
import { addressFixed, createRecord, deleteUnused, keepAddress, updateRecord, withAddress } from "@/lib/records";
import { idSchema } from "@/lib/validations/common";
import { topicSchema, updateTopicSchema } from "@/lib/validations/topic";
import { publicChanged } from "@/lib/public-cache";
import { translated } from "@/lib/translations";

const SLUG_TAKEN = { unique: { slug: ["Another topic already uses this address. Choose another."] } };

// The home page lists the topics.
function topicsChanged(result: ActionResult<unknown>, id?: string): void {
  revalidatePath("/admin/topics");
  if (result.ok) publicChanged({ kind: "topic", id });
}

export const createTopic = action({ role: "staff", schema: topicSchema, conflicts: SLUG_TAKEN }, async (context): Promise<ActionResult<{ id: string }>> => {
  const values = withAddress(translated(context.input), context.input.name);
  const result = await createRecord(context, "topic", values, { insert: insertTopic });
  if (!result.ok) return result;
  topicsChanged(result);
  redirect(`/admin/topics/${result.data.id}?saved=1`);
});

export const updateTopic = action({ role: "staff", schema: updateTopicSchema, conflicts: SLUG_TAKEN }, async (context) => {
  const { id, ...rest } = context.input;
  const result = await updateRecord(context, "topic", id, {
    read: getTopic,
    values: (before) => keepAddress(translated(rest, before.translations))(before),
    check: addressFixed(isTopicPublic, "This topic is public, so its address can no longer change."),
    write: updateTopicRow,
  });
  topicsChanged(result, id);
  return result;
});

export const deleteTopic = action({ role: "staff", schema: idSchema }, async (context) => {
  const { id } = context.input;
  const result = await deleteUnused(context, "topic", id, {
    lock: getTopic,
    inUse: async (_topic, tx) => {
      const usage = await topicUsage(id, tx);
      return usage.series || usage.events ? `This topic cannot be deleted while ${describeUsage(usage)} belong to it. Move or delete them first.` : null;
    },
    remove: deleteTopicRow,
    audited: (topic) => ({ name: topic.name, slug: topic.slug }),
  });
  topicsChanged(result, id);
  return result;
});

function describeUsage({ series, events }: { series: number; events: number }): string {
  const parts = [];
  if (series) parts.push(`${series} series`);
  if (events) parts.push(`${events} event${events === 1 ? "" : "s"}`);
  return parts.join(" and ");
}
