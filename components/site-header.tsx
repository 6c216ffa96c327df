import Link from "next/link";
import type { ReactNode } from "react";

type NavItem = { href: string; label: string };

type Logo = { src: string; width: number; height: number };

export function SiteHeader({ title, homeHref = "/", nav, aside, logo }: { title: string; homeHref?: string; nav: NavItem[]; aside?: ReactNode; logo?: Logo | null }) {
  return (
    <header role="banner" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={homeHref} className="flex items-center gap-3 text-lg font-semibold text-brand-900 no-underline hover:no-underline">
          {logo && (
            // The name beside it says what it is: the logo itself is decoration. Already re-encoded and small.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo.src} alt="" width={logo.width} height={logo.height} className="h-10 w-auto" />
          )}
          <span className="font-serif">{title}</span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-4 text-sm">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="text-slate-700 no-underline hover:text-brand-700 hover:underline">
              {item.label}
            </Link>
          ))}
          {aside}
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ organization }: { organization?: string }) {
  return (
    <footer role="contentinfo" className="mt-auto border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-slate-600">
        <span>{organization ?? "Symposia"}</span>
        <span>Symposium series, registration and summaries</span>
      </div>
    </footer>
  );
}
