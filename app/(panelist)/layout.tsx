import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth";

export default async function PanelistLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <SiteHeader
        title="Symposia"
        homeHref="/me"
        nav={[{ href: "/", label: "Public site" }]}
        aside={
          user && (
            <span className="flex items-center gap-3 border-l border-slate-200 pl-4">
              <span className="text-slate-600">{user.email}</span>
              <SignOutButton />
            </span>
          )
        }
      />
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
