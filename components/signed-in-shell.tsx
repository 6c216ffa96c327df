import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import type { CurrentUser } from "@/lib/auth";

type Props = {
  title: string;
  homeHref: string;
  nav: { href: string; label: string }[];
  /** The area's words where it is not in English (the panelist's pages): the navigation's name, sign-out, the footer. */
  navLabel?: string;
  signOutLabel?: string;
  footer?: string;
  /** Who is signed in, shown beside a way to sign out; nobody, nothing shown. */
  user: CurrentUser | null;
  /** The main landmark's width and spacing. */
  mainClassName: string;
  children: ReactNode;
};

/** The frame of an area one signs in to (the staff area, the panelist's own pages): header, main landmark, footer. */
export function SignedInShell({ title, homeHref, nav, navLabel, signOutLabel, footer, user, mainClassName, children }: Props) {
  return (
    <>
      <SiteHeader
        title={title}
        homeHref={homeHref}
        nav={nav}
        navLabel={navLabel}
        aside={
          user && (
            <span className="flex items-center gap-3 border-l border-slate-200 pl-4">
              <span className="text-slate-600">{user.email}</span>
              <SignOutButton label={signOutLabel} />
            </span>
          )
        }
      />
      <main id="main" className={mainClassName}>
        {children}
      </main>
      <SiteFooter tagline={footer} />
    </>
  );
}
