import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { FilterInput, FilterSelect } from "@/components/admin/filter-fields";
import { ListTitle, listHref } from "@/components/admin/list-header";
import { Alert } from "@/components/ui/alert";
import { pageParam } from "@/components/ui/pagination";
import { StaffTime } from "@/components/ui/staff-time";
import { listOutbox } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { smtpConfigured } from "@/lib/email/sender";
import { OUTBOX_STATUS_LABEL } from "@/lib/email/status";
import { homeClock } from "@/lib/time";
import { outboxFilterSchema } from "@/lib/validations/outbox";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 50;
type Props = { searchParams: Promise<{ status?: string; to?: string; page?: string }> };

export default async function OutboxPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/outbox");
  const params = await searchParams;
  const filter = outboxFilterSchema.parse(params);
  const page = pageParam(params.page);
  const { rows, total } = await listOutbox({ ...filter, page, pageSize: PAGE_SIZE });
  const home = homeClock(await getSettings());
  const smtp = smtpConfigured();

  return (
    <DataList
      header={
        <>
          <ListTitle title="Outbox" />
          {!smtp && (
            <Alert tone="info">
              No mail server is configured (SMTP_URL), so messages stay here: this outbox is the mailbox. Set SMTP_URL to
              deliver them.
            </Alert>
          )}
          <form role="search" className="flex flex-wrap items-end gap-3">
            <FilterInput id="outbox-to" label="Recipient" name="to" type="email" defaultValue={filter.to} placeholder="name@example.org" />
            <FilterSelect
              id="outbox-status"
              name="status"
              label="Status"
              any="Any"
              options={(["pending", "sent", "failed"] as const).map((s) => [s, OUTBOX_STATUS_LABEL[s]])}
              defaultValue={filter.status}
            />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              Filter
            </button>
          </form>
        </>
      }
      caption="Messages, newest first"
      columns={[
        { header: "To", cell: (m) => m.to },
        { header: "Subject", cell: (m) => <Link href={`/admin/outbox/${m.id}`}>{m.subject}</Link> },
        {
          header: "Status",
          cell: (m) => (
            <>
              {OUTBOX_STATUS_LABEL[m.status]}
              {m.attempts > 0 && m.status !== "sent" && <span className="text-slate-500"> ({m.attempts} attempts)</span>}
            </>
          ),
        },
        { header: "Written", cell: (m) => <StaffTime at={m.createdAt} clock={home} /> },
      ]}
      rows={rows}
      empty={{ title: "No messages", body: "Emails the system writes (sign-in links, confirmations, invitations) appear here." }}
      pages={{ page, pageSize: PAGE_SIZE, total, hrefFor: (p) => listHref("/admin/outbox", { status: filter.status, to: filter.to }, p) }}
    />
  );
}
