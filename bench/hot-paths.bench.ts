// The paths a busy day leans on, measured: `npm run bench`. Targets (2 cores, embedded database):
// a registration under 25 ms, a summary draft under 1 ms, a long summary (100 numbered items) rendered under 10 ms.
import { eq } from "drizzle-orm";
import { afterAll, bench, describe } from "vitest";
import { events } from "@/db/schema";
import { registrationContext, type RegistrationContext } from "@/lib/registration/context";
import { registerForEvent } from "@/lib/registration/seats";
import { renderMarkdown } from "@/lib/markdown";
import { type DraftInput, generateSummaryDraft } from "@/lib/summary-draft";
import { formatDualTime } from "@/lib/time";
import { closeDb, db, resetWithDemo } from "../tests/support/db";
import { referenceMeeting } from "../tests/support/reference-meeting";

const draftInput: DraftInput = {
  ...referenceMeeting,
  participants: Array.from({ length: 8 }, (_, i) => ({
    id: `p${i}`,
    role: i === 0 ? ("host" as const) : i === 1 ? ("moderator" as const) : ("panelist" as const),
    person: { honorific: "Ms.", givenName: `Given${i}`, familyName: `Family${i}`, nameOrder: "given_family" as const },
    positionAtEvent: `Position ${i}`,
  })),
  agenda: [
    { kind: "speech", title: "Speech", participantIds: ["p0"] },
    { kind: "panel", title: "Panel", participantIds: ["p1", "p2", "p3", "p4", "p5"] },
    { kind: "closing_remarks", title: "Closing", participantIds: ["p0"] },
  ],
  attendance: 87,
};

const longBody = Array.from(
  { length: 100 },
  (_, i) => `${i + 1}. An item on what was said, with a [link](https://example.org/${i}) and **emphasis**, as long summaries have.\n   1. A point of it`,
).join("\n");

describe("summaries", () => {
  bench("generate a first draft", () => {
    generateSummaryDraft(draftInput);
  });
  bench("render a long summary from Markdown", () => {
    renderMarkdown(longBody);
  });
  bench("format the dual time line", () => {
    formatDualTime(draftInput.event.startsAt, "America/New_York", "Asia/Tokyo", "JST");
  });
});

// Made once, on first use: a fresh embedded database with the demo, and the fifth meeting without a cap.
let setup: Promise<{ eventId: string; ctx: RegistrationContext }> | undefined;
function prepared() {
  setup ??= (async () => {
    await resetWithDemo();
    const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, "wps-innovation-5-geneva"));
    await db.update(events).set({ capacity: null }).where(eq(events.id, event!.id));
    return { eventId: event!.id, ctx: await registrationContext() };
  })();
  return setup;
}

describe("registration", () => {
  let n = 0;
  afterAll(closeDb);

  bench(
    "register one person (lock, seat count, row, email with calendar file and QR code)",
    async () => {
      const { eventId, ctx } = await prepared();
      n++;
      await registerForEvent(
        { eventId, name: `Bench ${n}`, email: `bench-${n}@example.org`, organization: null, category: "Academia", idempotencyKey: null },
        { kind: "public", client: null },
        ctx,
      );
    },
    { iterations: 50, time: 0, warmupIterations: 1 },
  );
});
