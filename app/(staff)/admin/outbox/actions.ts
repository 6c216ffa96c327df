"use server";

import { revalidatePath } from "next/cache";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { retryMessage } from "@/db/queries/outbox";
import { requireRole } from "@/lib/auth";
import { kickOutbox } from "@/lib/email/sender";
import { type ActionResult, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { retryMessageSchema } from "@/lib/validations/outbox";

/** Puts a message that gave up back in the queue. */
export async function retryOutboxMessage(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = retryMessageSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  if (!(await retryMessage(parsed.data.id))) return fail("Only a message that failed can be retried.");
  await writeAudit({ actorId: me.id, client, action: "outbox.retry", entityType: "outbox", entityId: parsed.data.id });
  kickOutbox();
  revalidatePath("/admin/outbox");
  return { ok: true, data: undefined };
}
