// One outbox sender in a process of its own, as each app instance runs one: delivery rounds against
// the shared database until the process is stopped. tests/outbox-senders.test.ts starts several of
// them and kills one while it sends. Run it with `node --import tsx --conditions=react-server` (a
// single process, so that a signal reaches the sender itself; the outbox modules are server-only).
import { deliverDue } from "@/lib/email/sender";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  // A first round opens the database connection: "ready" means the sender can take messages at once.
  await deliverDue();
  process.stdout.write("ready\n");
  for (;;) {
    const { sent, failed } = await deliverDue();
    if (sent + failed === 0) await pause(25);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
