// Removes the personal data of registrations of events that ended longer ago than the retention period
// in Settings (lib/registration/retention.ts), as every server process does once a day: for
// installations that would rather run it from cron. Safe to run at any time, again, and beside running
// servers on PostgreSQL. With the embedded database, stop the app first: one process owns the folder.
// `--dry-run` only says how many are due. It uses the server's own modules ("server-only"), hence
// tsx --conditions=react-server (npm run registrations:retention).
import { closeDb } from "@/db";
import { applyRetention, countDue } from "@/lib/registration/retention";

async function main() {
  const dryRun = process.argv.includes("--dry-run");
  if (dryRun) {
    const { months, cutoff, due } = await countDue();
    console.log(`${due} registration(s) of events that ended before ${cutoff.toISOString()} are due (kept ${months} months).`);
    return;
  }
  const run = await applyRetention();
  console.log(
    `Anonymized ${run.registrations} registration(s) of events that ended before ${run.cutoff.toISOString()} (kept ${run.months} months); ${run.messages} email(s) lost their text and recipient.`,
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
