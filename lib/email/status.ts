import type { OutboxMessage } from "@/db/schema";

/** One word per outbox state, the same in the list, its filter, a message's page and the dashboard. */
export const OUTBOX_STATUS_LABEL: Record<OutboxMessage["status"], string> = {
  pending: "Waiting",
  sent: "Sent",
  failed: "Failed",
};
