import type { Metadata } from "next";
import Link from "next/link";
import { seriesLine } from "@/lib/names";
import { type Column, DataTable } from "@/components/admin/data-list";
import { countEventsByStatus, listDraftEvents, listStaffUpcomingEvents } from "@/db/queries/events";
import { countOutboxByStatus } from "@/db/queries/outbox";
import { countPendingRevisions } from "@/db/queries/people";
import { getSettings } from "@/db/queries/settings";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth";
import { smtpConfigured } from "@/lib/email/sender";
import { formatDualTime, formatStaffTime, homeClock } from "@/lib/time";

export const metadata: Metadata = { title: "Dashboard" };

const DRAFTS_SHOWN = 10;

type EventRow = { id: string; title: string; seriesName: string | null; seriesNumber: number | null; startsAt: Date; timeZone: string };

export default async function DashboardPage() {
  await requireRole("staff", "/admin");
  const [settings, upcoming, drafts, statusCounts, outbox, pendingReviews] = await Promise.all([
    getSettings(),
    listStaffUpcomingEvents(),
    listDraftEvents(DRAFTS_SHOWN),
    countEventsByStatus(),
    countOutboxByStatus(),
    countPendingRevisions(),
  ]);

  const waiting = [
    { label: "Draft events", value: statusCounts.draft, href: "/admin/events?status=draft" },
    { label: "Profile changes to review", value: pendingReviews, href: "/admin/approvals" },
    { label: "Emails waiting to send", value: outbox.pending, href: "/admin/outbox?status=pending" },
    { label: "Emails that failed", value: outbox.failed, href: "/admin/outbox?status=failed" },
  ];

  // The first two columns of both tables of events.
  const eventColumn: Column<EventRow> = {
    header: "Event",
    cell: (e) => (
      <>
        <Link href={`/admin/events/${e.id}`} className="font-medium">
          {e.title}
        </Link>
        <div className="text-xs text-slate-600">{seriesLine(e.seriesName, e.seriesNumber)}</div>
      </>
    ),
  };
  const whenColumn: Column<EventRow> = {
    header: "When",
    cell: (e) => formatDualTime(e.startsAt, e.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel),
  };

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold text-brand-900">Dashboard</h1>

      {outbox.pending > 0 && !smtpConfigured() && (
        <Alert tone="info">
          {outbox.pending === 1 ? "1 email is waiting" : `${outbox.pending} emails are waiting`} because no mail server is configured
          (SMTP_URL). Until one is, nothing is sent: the <Link href="/admin/outbox?status=pending">outbox</Link> is the mailbox.
        </Alert>
      )}

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="sr-only">
          Waiting for staff
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {waiting.map((w) => (
            <div key={w.label} className="rounded-lg border border-slate-200 p-4">
              <dt className="text-sm text-slate-600">{w.href ? <Link href={w.href}>{w.label}</Link> : w.label}</dt>
              <dd className="mt-1 text-2xl font-semibold">{w.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="text-xl font-semibold">
          Upcoming events
        </h2>
        <div className="mt-4">
          <DataTable
            caption="Upcoming events"
            columns={[
              eventColumn,
              whenColumn,
              { header: "Status", cell: (e) => e.status, className: "capitalize" },
              { header: "Registered", cell: (e) => (e.capacity == null ? e.confirmed : `${e.confirmed} / ${e.capacity}`), numeric: true },
              { header: "Waitlist", cell: (e) => e.waitlisted, numeric: true },
              { header: "Awaiting approval", cell: (e) => e.pending, numeric: true },
            ]}
            rows={upcoming}
            empty={{ title: "No upcoming events" }}
          />
        </div>
      </section>

      <section aria-labelledby="drafts-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="drafts-heading" className="text-xl font-semibold">
            Drafts
          </h2>
          {statusCounts.draft > drafts.length && <Link href="/admin/events?status=draft">All {statusCounts.draft} drafts</Link>}
        </div>
        <div className="mt-4">
          <DataTable
            caption="Draft events, newest first"
            columns={[
              eventColumn,
              whenColumn,
              { header: "Created", cell: (e) => <time dateTime={e.createdAt.toISOString()}>{formatStaffTime(e.createdAt, homeClock(settings))}</time> },
            ]}
            rows={drafts}
            empty={{ title: "No drafts", body: <Link href="/admin/events/new">Start a new event</Link> }}
          />
        </div>
      </section>
    </div>
  );
}
