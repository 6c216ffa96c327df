import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((v) => v.toLowerCase());

export const passwordSignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  next: z.string().max(500).optional(),
});
export type PasswordSignInInput = z.input<typeof passwordSignInSchema>;

export const linkSignInSchema = z.object({
  email: emailField,
  next: z.string().max(500).optional(),
});
export type LinkSignInInput = z.input<typeof linkSignInSchema>;

/** Only same-site paths may be a post-sign-in destination. */
export function safeNextPath(next: string | undefined | null): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  if (next.startsWith("/api/") || next.startsWith("/login")) return undefined;
  return next;
}
