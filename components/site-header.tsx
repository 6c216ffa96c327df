import Link from "next/link";
import type { ReactNode } from "react";

type NavItem = { href: string; label: string };
type Logo = { src: string; width: number; height: number };

const LINK = "text-slate-700 no-underline hover:text-brand-700 hover:underline";

/**
 * The site's header. A short navigation (the public site's two links) stays in the bar on every
 * screen; a longer one (the staff area's) collapses behind a "Menu" button on phones and tablets.
 * The button is a native <details>, so it opens before the page's scripts load, or without them.
 * A search box, when given, sits between the name and the links; on a phone it takes a row of its own.
 */
export function SiteHeader({
  title,
  homeHref = "/",
  nav,
  aside,
  logo,
  search,
  languageSwitch,
  navLabel = "Main",
}: {
  title: string;
  homeHref?: string;
  nav: NavItem[];
  aside?: ReactNode;
  logo?: Logo | null;
  search?: ReactNode;
  /** Links to this page in the site's other languages, at the end of the bar. */
  languageSwitch?: ReactNode;
  navLabel?: string;
}) {
  const collapsible = nav.length > 2;
  const links = (className: string) =>
    nav.map((item) => (
      <Link key={item.href} href={item.href} className={className}>
        {item.label}
      </Link>
    ));
  return (
    <header role="banner" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={homeHref} className="flex items-center gap-3 text-lg font-semibold text-brand-900 no-underline hover:no-underline">
          {logo && (
            // The name beside it says what it is: the logo itself is decoration. Already re-encoded and small.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo.src} alt="" width={logo.width} height={logo.height} className="h-10 w-auto" />
          )}
          <span className="font-serif">{title}</span>
        </Link>
        {search && <div className="order-last w-full md:order-none md:ml-auto md:w-72 lg:w-80">{search}</div>}
        {collapsible ? (
          <>
            <details className="group relative xl:hidden">
              <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
                <span aria-hidden="true" className="text-base leading-none">
                  ☰
                </span>
                Menu
              </summary>
              <div className="absolute right-0 z-40 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-3 shadow-lg">
                <nav aria-label={navLabel} className="flex flex-col gap-1 text-base">
                  {links(`${LINK} rounded px-2 py-1.5 hover:bg-slate-50`)}
                </nav>
                {aside && <div className="mt-2 break-all border-t border-slate-200 pt-3 text-sm *:border-l-0 *:pl-0">{aside}</div>}
              </div>
            </details>
            <nav aria-label={navLabel} className="hidden items-center gap-4 text-sm xl:flex">
              {links(LINK)}
              {aside}
            </nav>
          </>
        ) : (
          <nav aria-label={navLabel} className="flex flex-wrap items-center gap-4 text-sm">
            {links(LINK)}
            {aside}
          </nav>
        )}
        {languageSwitch}
      </div>
    </header>
  );
}

export function SiteFooter({ organization, tagline = "Symposium series, registration and summaries", children }: { organization?: string; tagline?: string; children?: ReactNode }) {
  return (
    <footer role="contentinfo" className="mt-auto border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-slate-600">
        <span>{organization ?? "Symposia"}</span>
        <span>{tagline}</span>
        {children}
      </div>
    </footer>
  );
}
