import { z } from "zod";

export const retryMessageSchema = z.object({ id: z.uuid("That message does not exist.") });

export const outboxFilterSchema = z.object({
  status: z.enum(["pending", "sent", "failed"]).optional().catch(undefined),
  to: z.string().trim().max(254).optional().catch(undefined),
});
