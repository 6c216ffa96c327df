import { z } from "zod";
import { ROLES } from "@/lib/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { emailField } from "./auth";

export { ROLES };
export const ROLE_LABELS = { panelist: "Panelist", staff: "Staff", admin: "Admin" } as const;

export const createUserSchema = z.object({
  email: emailField,
  name: z.string("Enter the name, or leave it empty.").trim().max(200, "Keep the name under 200 characters.").nullish().transform((v) => v || null),
  role: z.enum(ROLES, "Choose a role."),
  password: z
    .string("Enter a password, or leave it empty.")
    .max(200, "That password is too long.")
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`).optional()),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const changeRoleSchema = z.object({
  userId: z.uuid("That account does not exist."),
  role: z.enum(ROLES, "Choose a role."),
});

export const setDisabledSchema = z.object({
  userId: z.uuid("That account does not exist."),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], "Say whether the account is disabled."),
});
