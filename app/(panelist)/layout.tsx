import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { SignedInShell } from "@/components/signed-in-shell";
import { getCurrentUser } from "@/lib/auth";
import { translator } from "@/lib/i18n/messages";
import { currentPanelistLanguage } from "@/lib/i18n/panelist";

export async function generateMetadata(): Promise<Metadata> {
  return rootMetadata(await currentPanelistLanguage());
}

/** The panelist's own pages, in the language they chose on /me (else the organization's default). */
export default async function PanelistLayout({ children }: { children: ReactNode }) {
  const [user, language] = await Promise.all([getCurrentUser(), currentPanelistLanguage()]);
  const t = translator(language, "panelist");
  return (
    <RootDocument lang={language} skipLabel={t("shell.skipToContent")}>
      <SignedInShell
        title="Symposia"
        homeHref="/me"
        nav={[{ href: "/", label: t("shell.publicSite") }]}
        navLabel={t("shell.navLabel")}
        signOutLabel={t("shell.signOut")}
        footer={t("shell.footer")}
        user={user}
        mainClassName="mx-auto w-full max-w-4xl flex-1 px-4 py-8"
      >
        {children}
      </SignedInShell>
    </RootDocument>
  );
}
