"use client";

import { type FormEvent, useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { checkIn, undoCheckIn } from "@/app/(staff)/admin/events/[id]/check-in/actions";
import { CheckInScanner } from "@/components/check-in-scanner";
import type { RegistrationStatus } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatStaffTime, type StaffClock } from "@/lib/time";

export type CheckInPerson = {
  id: string;
  name: string;
  email: string;
  organization: string | null;
  category: string | null;
  checkInCode: string;
  /** Only confirmed people are listed; a code names anyone, so that a cancelled one gets a clear answer. */
  status: RegistrationStatus;
  /** ISO time, or null while not checked in. */
  checkedInAt: string | null;
  /** The check-in time as the server wrote it (lib/time.ts), so that it reads as on the Registrations tab. */
  checkedInText: string | null;
};

/** The server's answer to a search at the door (`check-in/people/route.ts`). */
export type DoorAnswer = {
  query: string;
  /** People with a seat whose words begin with the words typed, by name; everyone's first, by name, for an empty query. */
  people: CheckInPerson[];
  /** More people match than `people` holds. */
  more: boolean;
  /** The registration whose check-in code was typed, whatever its status. */
  byCode: CheckInPerson | null;
  /** Who holds a seat and how many have arrived: sent when asked for, not with every key typed. */
  counts: { seated: number; arrived: number } | null;
};

type Counts = NonNullable<DoorAnswer["counts"]>;

type Props = { eventId: string; initial: DoorAnswer; clock: StaffClock };

type Flash = { tone: "ok" | "stop"; text: string; key: number };

// Several tablets at one door: each picks up the others' check-ins within this time.
const REFRESH_MS = 10_000;
// Long enough to read from a step away, short enough not to linger over the next arrival.
const FLASH_MS = 5_000;
// Typing pauses this long before the server is asked; Enter asks at once.
const TYPING_MS = 120;

const LOAD_FAILED = "The list could not be loaded. Check the connection; it tries again by itself.";

const codeOf = (text: string) => text.replace(/[^0-9a-z]/gi, "").toUpperCase();
// Codes are eight letters and digits ("ABCD-2345"); a scanner types one and presses Enter.
const looksLikeCode = (text: string) => /^[0-9A-Z]{4}-?[0-9A-Z]{4}$/i.test(text.trim()) && /\d/.test(text);

/**
 * The door: search by name, email or code (a scanner's code and Enter checks in at once), one tap to
 * check in, a confirmed undo, and a full-width green or red answer after each attempt. The server
 * searches (an event may hold 100,000 registrations) and sends the first few dozen matches; before
 * the script runs, the search box is a form that reloads the page with the answer.
 */
export function CheckInBoard({ eventId, initial, clock }: Props) {
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(initial.query);
  const [answer, setAnswer] = useState<DoorAnswer>(initial);
  const [counts, setCounts] = useState<Counts>(initial.counts ?? { seated: 0, arrived: 0 });
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmingUndo, setConfirmingUndo] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // Only the newest question's answer is shown: an older one that arrives late is dropped.
  const asked = useRef(0);

  const ask = useCallback(
    async (text: string, withCounts = false): Promise<DoorAnswer | null> => {
      const ticket = ++asked.current;
      try {
        const response = await fetch(`/admin/events/${eventId}/check-in/people?q=${encodeURIComponent(text)}${withCounts ? "&counts=1" : ""}`, {
          cache: "no-store",
        });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as DoorAnswer;
        if (next.counts) setCounts(next.counts);
        if (ticket === asked.current) {
          setAnswer(next);
          setError((e) => (e === LOAD_FAILED ? null : e));
        }
        return next;
      } catch {
        if (ticket === asked.current) setError(LOAD_FAILED);
        return null;
      }
    },
    [eventId],
  );

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  // Ask as staff type, once they pause.
  useEffect(() => {
    if (query.trim() === answer.query.trim()) return;
    const timer = setTimeout(() => void ask(query.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [query, answer.query, ask]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !busy && !confirmingUndo) void ask(query.trim(), true);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [ask, query, busy, confirmingUndo]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const matches = answer.people;
  const say = (tone: Flash["tone"], text: string) => setFlash({ tone, text, key: Date.now() });
  const refocus = () => searchRef.current?.focus();

  /** Shows a change at once; the server's next answer confirms it. */
  const mark = (person: CheckInPerson, checkedInAt: string | null) => {
    const update = (p: CheckInPerson) =>
      p.id === person.id ? { ...p, checkedInAt, checkedInText: checkedInAt ? formatStaffTime(new Date(checkedInAt), clock) : null } : p;
    setAnswer((a) => ({ ...a, people: a.people.map(update), byCode: a.byCode && update(a.byCode) }));
  };

  const change = (person: CheckInPerson, arriving: boolean) => {
    setError(null);
    setBusy(person.id);
    setConfirmingUndo(null);
    if (arriving) {
      say("ok", `Checked in: ${person.name}`);
      setQuery("");
    } else {
      say("ok", `Check-in undone: ${person.name}`);
    }
    refocus();
    mark(person, arriving ? new Date().toISOString() : null);
    setCounts((c) => ({ ...c, arrived: c.arrived + (arriving ? 1 : -1) }));
    startTransition(async () => {
      try {
        const result = await (arriving ? checkIn : undoCheckIn)({ id: person.id });
        if (!result.ok) {
          setError(`${person.name}: ${result.message}`);
          say("stop", `Not checked in: ${person.name}`);
          mark(person, person.checkedInAt);
          void ask(query.trim(), true);
        } else {
          setCounts((c) => ({ ...c, arrived: result.data.checkedIn }));
        }
      } catch {
        setError(`${person.name}: the change did not reach the server. Check the connection and tap again.`);
        say("stop", `Not saved: ${person.name}`);
        mark(person, person.checkedInAt);
        void ask(query.trim(), true);
      } finally {
        setBusy(null);
      }
    });
  };

  /** Green for a first arrival; red, with the reason, for anyone who should not walk in on this code. */
  const admit = (person: CheckInPerson) => {
    if (person.status === "cancelled") return say("stop", `Cancelled registration: ${person.name}`);
    if (person.status === "waitlisted") return say("stop", `On the waitlist, no seat: ${person.name}`);
    if (person.status === "pending") return say("stop", `Awaiting approval, no seat: ${person.name}`);
    if (person.status === "declined") return say("stop", `Declined registration: ${person.name}`);
    if (person.checkedInAt) return say("stop", `Already checked in at ${person.checkedInText ?? ""}: ${person.name}`);
    change(person, true);
  };

  // Enter: a scanned or typed code, or a search that leaves exactly one person. A scanner is faster
  // than the pause before a search, so Enter asks about exactly what was typed when it must.
  // The camera's scanner hands its codes here too (check-in-scanner.tsx).
  const answerTo = async (text: string) => {
    if (!text) return;
    const current = answer.query.trim() === text ? answer : await ask(text);
    if (!current) return;
    const code = codeOf(text);
    if (current.byCode && current.byCode.checkInCode === code) return admit(current.byCode);
    if (looksLikeCode(text)) {
      say("stop", `Unknown code: ${formatCheckInCode(code)}`);
      setQuery("");
      return refocus();
    }
    if (current.people.length === 1 && !current.more) return admit(current.people[0]!);
    say(
      "stop",
      current.people.length === 0 ? `Nobody with a seat matches “${text}”` : `${current.more ? "Many" : current.people.length} people match: tap the right one`,
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void answerTo(query.trim());
  };

  return (
    <section aria-label="Check-in" className="space-y-3">
      {/* Fixed over the top of the screen, so the answer is seen from a step away without moving the list. */}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 top-0 z-50">
        {flash && (
          <p
            key={flash.key}
            role={flash.tone === "ok" ? "status" : "alert"}
            data-tone={flash.tone}
            className={`w-full px-6 py-5 text-center text-2xl font-bold text-white shadow-lg ${flash.tone === "ok" ? "bg-green-700" : "bg-red-700"}`}
          >
            <span aria-hidden="true">{flash.tone === "ok" ? "✓ " : "✗ "}</span>
            {flash.text}
          </p>
        )}
      </div>
      <form role="search" aria-label="Find a person" onSubmit={onSubmit} method="get" className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label htmlFor={searchId} className="text-base font-medium">
          Search<span className="sr-only"> by name, email or code</span>
        </label>
        <input
          ref={searchRef}
          id={searchId}
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Name, email or code, then Enter"
          // The door's one task: typing or scanning starts at once.
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          className="h-12 min-w-0 flex-1 basis-64 rounded-md border border-slate-300 px-4 text-xl focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <p role="status" aria-live="polite" className="text-2xl font-semibold tabular-nums text-brand-900">
          {counts.arrived} of {counts.seated} checked in
        </p>
        <CheckInScanner onCode={answerTo} />
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {counts.seated === 0 ? (
        <p className="text-slate-600">Nobody holds a seat yet.</p>
      ) : matches.length === 0 ? (
        <p className="text-lg text-slate-700">Nobody with a seat matches “{answer.query}”.</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="People with a seat">
            {matches.map((p) => (
              <li key={p.id} className={`flex flex-wrap items-center justify-between gap-4 px-4 py-3 ${p.checkedInAt ? "bg-green-50" : ""}`}>
                <div className="min-w-0">
                  <p className="text-lg font-semibold">{p.name}</p>
                  <p className="text-sm text-slate-700">
                    {[p.organization, p.category].filter(Boolean).join(" · ")}
                    {(p.organization || p.category) && <br />}
                    {p.email && <><span className="break-all">{p.email}</span> · </>}<span className="font-mono">{formatCheckInCode(p.checkInCode)}</span>
                  </p>
                  {p.checkedInText && <p className="text-sm font-medium text-green-800">Checked in at {p.checkedInText}</p>}
                </div>
                {confirmingUndo === p.id ? (
                  <div role="group" aria-label={`Confirm undoing the check-in of ${p.name}`} className="flex flex-wrap items-center gap-2">
                    <span className="text-base text-red-900">Undo this check-in?</span>
                    <Button type="button" variant="danger" size="lg" onClick={() => change(p, false)}>
                      Yes, undo
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      size="lg"
                      onClick={() => {
                        setConfirmingUndo(null);
                        refocus();
                      }}
                    >
                      Keep
                    </Button>
                  </div>
                ) : (
                  <button
                    type="button"
                    onClick={() => (p.checkedInAt ? setConfirmingUndo(p.id) : admit(p))}
                    disabled={busy === p.id}
                    aria-label={`${p.checkedInAt ? "Undo check-in of" : "Check in"} ${p.name}`}
                    className={`h-14 min-w-36 rounded-md px-6 text-lg font-semibold disabled:opacity-60 ${
                      p.checkedInAt ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50" : "bg-brand-700 text-white hover:bg-brand-800"
                    }`}
                  >
                    {p.checkedInAt ? "Undo" : "Check in"}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {answer.more && (
            <p className="text-slate-600">
              Showing the first {matches.length} by name. Type more of a name, or the code, to narrow the list.
            </p>
          )}
        </>
      )}
    </section>
  );
}
