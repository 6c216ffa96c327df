"use server";

import { revalidatePath } from "next/cache";
import { writeAudit } from "@/db/queries/audit";
import { retryMessage } from "@/db/queries/outbox";
import { action } from "@/lib/action";
import { kickOutbox } from "@/lib/email/sender";
import { fail } from "@/lib/errors";
import { retryMessageSchema } from "@/lib/validations/outbox";

/** Puts a message that gave up back in the queue. */
export const retryOutboxMessage = action({ role: "staff", schema: retryMessageSchema }, async ({ user: me, input: { id }, client }) => {
  if (!(await retryMessage(id))) return fail("Only a message that failed can be retried.");
  await writeAudit({ actorId: me.id, client, action: "outbox.retry", entityType: "outbox", entityId: id });
  kickOutbox();
  revalidatePath("/admin/outbox");
  return { ok: true, data: undefined };
});
