import type { ReactNode } from "react";
import "../globals.css";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { SiteFooter, SiteHeader } from "@/components/site-header";

export const metadata = rootMetadata();

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <RootDocument lang="en" skipLabel="Skip to content">
      <>
        <SiteHeader title="Symposia" nav={[{ href: "/", label: "Events" }]} />
        <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
          {children}
        </main>
        <SiteFooter />
      </>
    </RootDocument>
  );
}
