// Creates an account from the command line, e.g. the first admin of a production install:
//   npm run user:create -- --email admin@example.org --role admin --name "Site Admin"
// The password is read from the SYMPOSIA_PASSWORD variable (never from the command line, where
// other users of the machine could see it); without it the account signs in by emailed link.
import { parseArgs } from "node:util";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema } from "@/lib/validations/user";

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "staff" }, name: { type: "string" } },
  });
  const parsed = createUserSchema.safeParse({ ...values, password: process.env.SYMPOSIA_PASSWORD });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const { email, name, role, password } = parsed.data;
  await migrateDatabase();
  const [user] = await db
    .insert(users)
    .values({ email, name, role, passwordHash: password ? await hashPassword(password) : null })
    .returning({ id: users.id });
  await db.insert(auditLog).values({ action: "user.create", entityType: "user", entityId: user!.id, changes: { email, role, via: "command line" } });
  console.log(`Created ${role} ${email}${password ? " with a password" : " (sign-in by link)"}.`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
