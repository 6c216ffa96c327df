import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import type { CurrentUser } from "@/lib/auth";

type Props = {
  title: string;
  homeHref: string;
  nav: { href: string; label: string }[];
  /** Who is signed in, shown beside a way to sign out; nobody, nothing shown. */
  user: CurrentUser | null;
  /** The main landmark's width and spacing. */
  mainClassName: string;
  children: ReactNode;
};

/** The frame of an area one signs in to (the staff area, the panelist's own pages): header, main landmark, footer. */
export function SignedInShell({ title, homeHref, nav, user, mainClassName, children }: Props) {
  return (
    <>
      <SiteHeader
        title={title}
        homeHref={homeHref}
        nav={nav}
        aside={
          user && (
            <span className="flex items-center gap-3 border-l border-slate-200 pl-4">
              <span className="text-slate-600">{user.email}</span>
              <SignOutButton />
            </span>
          )
        }
      />
      <main id="main" className={mainClassName}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
