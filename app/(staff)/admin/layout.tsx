import type { ReactNode } from "react";
import "../../globals.css";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { SignedInShell } from "@/components/signed-in-shell";
import { getCurrentUser, hasRole } from "@/lib/auth";

export const metadata = rootMetadata();

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
    <RootDocument lang="en" skipLabel="Skip to content">
      <SignedInShell
        title="Symposia staff"
        homeHref="/admin"
        nav={user && hasRole(user.role, "staff") ? nav : []}
        user={user}
        mainClassName="mx-auto w-full max-w-6xl flex-1 px-4 py-6"
      >
        {children}
      </SignedInShell>
    </RootDocument>
  );
}
