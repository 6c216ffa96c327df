"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

type Section = { label: string; path: string; compact?: boolean };

const SECTIONS: Section[] = [
  { label: "Details", path: "" },
  { label: "Participants", path: "/participants" },
  { label: "Agenda", path: "/agenda" },
  { label: "Questions", path: "/questions" },
  { label: "Registrations", path: "/registrations" },
  // At the door the list must start near the top of a tablet's screen.
  { label: "Check-in", path: "/check-in", compact: true },
  { label: "Summary", path: "/summary" },
];

/** The section of the event the address shows (/admin/events/<id>/…), or undefined below one (the summary's preview). */
function useSection(): Section | undefined {
  const rest = usePathname().split("/").slice(4).map((part) => `/${part}`).join("");
  return SECTIONS.find((s) => s.path === rest);
}

/**
 * The event's header over each of its sections; a page below a section (the summary's preview, which
 * shows the public page) stands alone.
 */
export function EventSectionFrame({ header, compactHeader, children }: { header: ReactNode; compactHeader: ReactNode; children: ReactNode }) {
  const section = useSection();
  if (!section) return children;
  return (
    <div className={section.compact ? "space-y-3" : "space-y-8"}>
      {section.compact ? compactHeader : header}
      {children}
    </div>
  );
}

/**
 * The event's sections as one row of tabs. On a narrow screen the row scrolls sideways inside itself
 * (the page never does), with a fade at the edge that shows there is more.
 */
export function EventTabs({ eventId }: { eventId: string }) {
  const current = useSection();
  return (
    <nav aria-label="Event sections" className="relative border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto whitespace-nowrap text-sm [scrollbar-width:thin] sm:gap-3">
        {SECTIONS.map((s) => (
          <li key={s.path} className="shrink-0">
            <Link
              href={`/admin/events/${eventId}${s.path}`}
              aria-current={s === current ? "page" : undefined}
              className={`inline-block border-b-2 px-2 pb-2 pt-1 no-underline hover:no-underline ${
                s === current ? "border-brand-700 font-semibold text-brand-900" : "border-transparent text-slate-700 hover:text-brand-700"
              }`}
            >
              {s.label}
            </Link>
          </li>
        ))}
        {/* Room under the fade, so that the last tab can be scrolled fully into view. */}
        <li aria-hidden="true" className="w-6 shrink-0 sm:hidden" />
      </ul>
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-6 bg-gradient-to-l from-white sm:hidden" />
    </nav>
  );
}
