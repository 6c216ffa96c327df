import { z } from "zod";

export const emailField = z
  .string("Enter your email address.")
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((v) => v.toLowerCase());

// The page to return to after signing in: a hidden field, so its messages only meet a tampered form.
const nextField = z.string("The page to return to is not valid.").max(500, "The page to return to is not valid.").optional();

export const passwordSignInSchema = z.object({
  email: emailField,
  password: z.string("Enter your password.").min(1, "Enter your password.").max(200, "That password is too long."),
  next: nextField,
});
export type PasswordSignInInput = z.input<typeof passwordSignInSchema>;

export const linkSignInSchema = z.object({
  email: emailField,
  next: nextField,
});
export type LinkSignInInput = z.input<typeof linkSignInSchema>;

/** Only same-site paths may be a post-sign-in destination. */
export function safeNextPath(next: string | undefined | null): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  if (next.startsWith("/api/") || next.startsWith("/login")) return undefined;
  return next;
}
