import type { ReactNode } from "react";

/**
 * The `<html>` and `<body>` every page is drawn in. Each area of the site has a root layout of its own
 * (the public pages one per language, so that `<html lang>` is right from the first byte); they all
 * render this, and import app/globals.css themselves.
 */
export function RootDocument({ lang, skipLabel, children }: { lang: string; skipLabel: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {skipLabel}
        </a>
        {children}
      </body>
    </html>
  );
}
