import type { Metadata } from "next";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
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
        {rows.length === 0 ? (
          <EmptyState title={q ? "No users match that search" : "No users yet"} />
        ) : (
          <Table caption="Users">
            <thead>
              <tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Sign-in</Th>
                <Th>Status</Th>
                <Th>Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((u) => (
                <tr key={u.id}>
                  <Td>{u.email}</Td>
                  <Td>{u.name}</Td>
                  <Td>{ROLE_LABELS[u.role]}</Td>
                  <Td>{u.hasPassword ? "Password or link" : "Link only"}</Td>
                  <Td>{u.disabledAt ? "Disabled" : "Active"}</Td>
                  <Td>
                    <UserRowControls userId={u.id} email={u.email} role={u.role} disabled={Boolean(u.disabledAt)} isSelf={u.id === me.id} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`} />
      </section>
    </div>
  );
}
