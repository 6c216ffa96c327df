import type { Metadata } from "next";
import "./globals.css";
import { NotFoundContent } from "@/components/not-found-content";
import { RootDocument } from "@/components/root-document";
import { notFoundProps } from "@/lib/i18n/not-found";

export const metadata: Metadata = { title: "Page not found · Symposia" };

/**
 * An address no route matches. The site has a root layout per area and per language, so there is no
 * single layout to draw this in: it is a document of its own, in the language its prefix names.
 */
export default async function GlobalNotFound() {
  const props = await notFoundProps();
  return (
    <RootDocument lang={props.defaultLanguage} skipLabel="Skip to content">
      <main id="main" className="flex flex-1">
        <NotFoundContent {...props} />
      </main>
    </RootDocument>
  );
}
