import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-list";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { Input } from "@/components/ui/field";
import { CreateUserForm, UserRowControls } from "@/components/user-admin";
import { listUsers } from "@/db/queries/users";
import { requireRole } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/validations/user";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function UsersPage({ searchParams }: Props) {
  const me = await requireRole("admin", "/admin/users");
  const { q, page: rawPage } = await searchParams;
  const page = pageParam(rawPage);
  const { rows, total } = await listUsers({ q, page, pageSize: PAGE_SIZE });

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-brand-900">Users</h1>
      <div className="rounded-lg border border-slate-200 p-4">
        <CreateUserForm />
      </div>
      <section aria-labelledby="all-users-heading" className="space-y-4">
        <h2 id="all-users-heading" className="text-lg font-semibold">
          All users
        </h2>
        <form role="search" className="flex max-w-md gap-2">
          <label htmlFor="user-search" className="sr-only">
            Search users
          </label>
          <Input id="user-search" name="q" defaultValue={q} placeholder="Search by email or name" />
          <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
            Search
          </button>
        </form>
        <DataTable
          caption="Users"
          columns={[
            { header: "Email", cell: (u) => u.email },
            { header: "Name", cell: (u) => u.name },
            { header: "Role", cell: (u) => ROLE_LABELS[u.role] },
            { header: "Sign-in", cell: (u) => (u.hasPassword ? "Password or link" : "Link only") },
            { header: "Status", cell: (u) => (u.disabledAt ? "Disabled" : "Active") },
            {
              header: "Actions",
              cell: (u) => <UserRowControls userId={u.id} email={u.email} role={u.role} disabled={Boolean(u.disabledAt)} isSelf={u.id === me.id} />,
            },
          ]}
          rows={rows}
          empty={{ title: q ? "No users match that search" : "No users yet" }}
        />
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`} />
      </section>
    </div>
  );
}
