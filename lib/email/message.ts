import { z } from "zod";
import type { OutboxAttachment } from "@/db/schema";

/** One address, no display name, no line breaks, no list: what a recipient field may hold. */
export const singleAddress = z
  .string()
  .trim()
  .max(254)
  .refine((v) => !/[\r\n,;<>"]/.test(v), "must be one plain email address")
  .pipe(z.email("must be one plain email address"));

const headerText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), "must not contain line breaks");

export const emailMessageSchema = z.object({
  to: singleAddress,
  subject: headerText(300).pipe(z.string().min(1)),
  text: z.string().min(1).max(100_000),
  html: z.string().max(300_000).nullish(),
  kind: z.string().min(1).max(60),
  attachments: z
    .array(
      z.object({
        filename: headerText(120).pipe(z.string().regex(/^[\w.\- ]+$/, "plain file name")),
        contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+(; ?[\w-]+=[\w.-]+)*$/),
        content: z.string().max(2_000_000),
        source: z
          .discriminatedUnion("kind", [
            z.object({ kind: z.literal("check_in_qr"), code: z.string().regex(/^[0-9A-Z]{1,32}$/) }),
            z.object({ kind: z.literal("calendar"), eventId: z.uuid() }),
          ])
          .optional(),
      }),
    )
    .max(5)
    .default([]),
});

export type EmailMessage = z.input<typeof emailMessageSchema>;
export type ValidEmailMessage = z.output<typeof emailMessageSchema> & { attachments: OutboxAttachment[] };

/** Refuses messages whose headers could be abused (line breaks, several addresses in one field). */
export function validateEmailMessage(message: EmailMessage): ValidEmailMessage {
  const parsed = emailMessageSchema.safeParse(message);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Refused email: ${first?.path.join(".")} ${first?.message}`);
  }
  return parsed.data;
}
