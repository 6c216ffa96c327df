import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { getCurrentUser, hasRole } from "@/lib/auth";

// The navigation only: every page below checks the session and role itself.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const nav = [
    { href: "/admin", label: "Dashboard" },
    { href: "/admin/events", label: "Events" },
    { href: "/admin/topics", label: "Topics" },
    { href: "/admin/series", label: "Series" },
    { href: "/admin/venues", label: "Venues" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/approvals", label: "Approvals" },
    { href: "/admin/outbox", label: "Outbox" },
  ];
  if (user && hasRole(user.role, "admin")) nav.push({ href: "/admin/users", label: "Users" }, { href: "/admin/audit", label: "Audit log" }, { href: "/admin/settings", label: "Settings" });
  nav.push({ href: "/", label: "Public site" });
  return (
    <>
      <SiteHeader
        title="Symposia staff"
        homeHref="/admin"
        nav={user && hasRole(user.role, "staff") ? nav : []}
        aside={
          user && (
            <span className="flex items-center gap-3 border-l border-slate-200 pl-4">
              <span className="text-slate-600">{user.email}</span>
              <SignOutButton />
            </span>
          )
        }
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
