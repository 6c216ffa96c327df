import type { ReactNode } from "react";
import { SignedInShell } from "@/components/signed-in-shell";
import { getCurrentUser } from "@/lib/auth";

export default async function PanelistLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <SignedInShell title="Symposia" homeHref="/me" nav={[{ href: "/", label: "Public site" }]} user={user} mainClassName="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
      {children}
    </SignedInShell>
  );
}
