import type { ReactNode } from "react";
import "../globals.css";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { SignedInShell } from "@/components/signed-in-shell";
import { getCurrentUser } from "@/lib/auth";

export const metadata = rootMetadata();

export default async function PanelistLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <RootDocument lang="en" skipLabel="Skip to content">
      <SignedInShell title="Symposia" homeHref="/me" nav={[{ href: "/", label: "Public site" }]} user={user} mainClassName="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
        {children}
      </SignedInShell>
    </RootDocument>
  );
}
