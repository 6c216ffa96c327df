import type { Metadata } from "next";
import Link from "next/link";
import { seriesLine } from "@/lib/names";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
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
          {upcoming.length === 0 ? (
            <EmptyState title="No upcoming events" />
          ) : (
            <Table caption="Upcoming events">
              <thead>
                <tr>
                  <Th>Event</Th>
                  <Th>When</Th>
                  <Th>Status</Th>
                  <Th className="text-right">Registered</Th>
                  <Th className="text-right">Waitlist</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {upcoming.map((e) => (
                  <tr key={e.id}>
                    <Td>
                      <Link href={`/admin/events/${e.id}`} className="font-medium">
                        {e.title}
                      </Link>
                      <div className="text-xs text-slate-600">{seriesLine(e.seriesName, e.seriesNumber)}</div>
                    </Td>
                    <Td>{formatDualTime(e.startsAt, e.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel)}</Td>
                    <Td className="capitalize">{e.status}</Td>
                    <Td className="text-right tabular-nums">
                      {e.confirmed}
                      {e.capacity != null && ` / ${e.capacity}`}
                    </Td>
                    <Td className="text-right tabular-nums">{e.waitlisted}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
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
          {drafts.length === 0 ? (
            <EmptyState title="No drafts">
              <Link href="/admin/events/new">Start a new event</Link>
            </EmptyState>
          ) : (
            <Table caption="Draft events, newest first">
              <thead>
                <tr>
                  <Th>Event</Th>
                  <Th>When</Th>
                  <Th>Created</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {drafts.map((e) => (
                  <tr key={e.id}>
                    <Td>
                      <Link href={`/admin/events/${e.id}`} className="font-medium">
                        {e.title}
                      </Link>
                      <div className="text-xs text-slate-600">{seriesLine(e.seriesName, e.seriesNumber)}</div>
                    </Td>
                    <Td>{formatDualTime(e.startsAt, e.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel)}</Td>
                    <Td>
                      <time dateTime={e.createdAt.toISOString()}>{formatStaffTime(e.createdAt, homeClock(settings))}</time>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </section>
    </div>
  );
}
