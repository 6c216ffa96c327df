import { z } from "zod";
import { filterText } from "./common";

export const retryMessageSchema = z.object({ id: z.uuid("That message does not exist.") });

export const outboxFilterSchema = z.object({
  status: z.enum(["pending", "sent", "failed"]).optional().catch(undefined),
  to: filterText(254),
});
