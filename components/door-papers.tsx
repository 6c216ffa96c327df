/** Links to the door's printed papers (check-in/badges.pdf and check-in/attendees.pdf), each opened in a new tab to print. */
export function DoorPapers({ eventId }: { eventId: string }) {
  const base = `/admin/events/${eventId}/check-in`;
  const links = [
    { href: `${base}/badges.pdf?layout=sheet`, label: "Badges, 8 to an A4 sheet" },
    { href: `${base}/badges.pdf?layout=single`, label: "Badges, one to a page" },
    { href: `${base}/attendees.pdf`, label: "Attendee list to tick" },
  ];
  return (
    <nav aria-label="Print for the door" className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 pt-3 text-sm">
      <span className="font-medium text-slate-700">Print (PDF):</span>
      {links.map((link) => (
        <a key={link.href} href={link.href} target="_blank" rel="noopener" className="text-brand-700 underline hover:text-brand-900">
          {link.label}
        </a>
      ))}
    </nav>
  );
}
