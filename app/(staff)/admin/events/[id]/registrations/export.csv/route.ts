import type { NextRequest } from "next/server";
import { listQuestions } from "@/db/queries/event-questions";
import { answerFilter, registrationBatches } from "@/db/queries/registration-lists";
import { csvStream } from "@/lib/csv";
import { registrationListParamsSchema } from "@/lib/validations/registration";
import { staffEventRoute } from "../../event-route";
import { exportColumns, rowsOf } from "./columns";

export const dynamic = "force-dynamic";

/**
 * The event's registrations as CSV for Excel and the like, with the list's filter and order. Staff only;
 * to anyone else the file does not exist. Streamed a thousand rows at a time, so that an event of
 * 100,000 registrations costs the server one batch of memory, not the whole file.
 */
export const GET = staffEventRoute<NextRequest>(async ({ event, request }) => {
  const { q, status, sort, question, answer } = registrationListParamsSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const questions = await listQuestions(event.id, { removed: true });
  const { header, cells } = exportColumns(event.timeZone, questions);
  const filter = { q, status, sort, answer: answerFilter(questions, question, answer) };
  const body = csvStream(header, rowsOf(registrationBatches(event.id, filter), cells));
  const filename = `${event.slug.replace(/[^a-z0-9-]/gi, "") || "event"}-registrations.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
});
