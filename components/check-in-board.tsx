"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useDeferredValue, useEffect, useId, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { checkIn, undoCheckIn } from "@/app/(staff)/admin/events/[id]/check-in/actions";
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
  /** Only confirmed people are listed; the others are here so that their code gets a clear answer. */
  status: "confirmed" | "waitlisted" | "cancelled";
  /** ISO time, or null while not checked in. */
  checkedInAt: string | null;
  /** The check-in time as the server wrote it (lib/time.ts), so that it reads as on the Registrations tab. */
  checkedInText: string | null;
};

type Props = { people: CheckInPerson[]; clock: StaffClock };

type Flash = { tone: "ok" | "stop"; text: string; key: number };

// Several tablets at one door: each picks up the others' check-ins within this time.
const REFRESH_MS = 10_000;
const MAX_SHOWN = 60;
// Long enough to read from a step away, short enough not to linger over the next arrival.
const FLASH_MS = 5_000;

/** Lower-case without accents, so that "jose" finds "José". */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const codeOf = (text: string) => text.replace(/[^0-9a-z]/gi, "").toUpperCase();
// Codes are eight letters and digits ("ABCD-2345"); a scanner types one and presses Enter.
const looksLikeCode = (text: string) => /^[0-9A-Z]{4}-?[0-9A-Z]{4}$/i.test(text.trim()) && /\d/.test(text);

/**
 * The door: search by name, email or code (a scanner's code and Enter checks in at once), one tap to
 * check in, a confirmed undo, and a full-width green or red answer after each attempt. The whole list
 * is on the page (a few hundred rows), so searching needs no round trip.
 */
export function CheckInBoard({ people, clock }: Props) {
  const router = useRouter();
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmingUndo, setConfirmingUndo] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [shown, applyChange] = useOptimistic(people, (state, change: { id: string; checkedInAt: string | null }) =>
    state.map((p) =>
      p.id === change.id
        ? { ...p, checkedInAt: change.checkedInAt, checkedInText: change.checkedInAt ? formatStaffTime(new Date(change.checkedInAt), clock) : null }
        : p,
    ),
  );

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !busy && !confirmingUndo) router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router, busy, confirmingUndo]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const seated = useMemo(() => shown.filter((p) => p.status === "confirmed"), [shown]);
  const index = useMemo(() => seated.map((p) => ({ p, text: fold([p.name, p.email, p.organization ?? ""].join(" ")) })), [seated]);
  const matches = useMemo(() => {
    const words = fold(deferred).split(/\s+/).filter(Boolean);
    const code = codeOf(deferred);
    if (words.length === 0) return index.map((e) => e.p);
    return index.filter((e) => words.every((w) => e.text.includes(w)) || (code.length >= 3 && e.p.checkInCode.includes(code))).map((e) => e.p);
  }, [index, deferred]);

  const arrived = seated.filter((p) => p.checkedInAt).length;
  const say = (tone: Flash["tone"], text: string) => setFlash({ tone, text, key: Date.now() });
  const refocus = () => searchRef.current?.focus();

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
    startTransition(async () => {
      applyChange({ id: person.id, checkedInAt: arriving ? new Date().toISOString() : null });
      try {
        const result = await (arriving ? checkIn : undoCheckIn)({ id: person.id });
        if (!result.ok) {
          setError(`${person.name}: ${result.message}`);
          say("stop", `Not checked in: ${person.name}`);
        }
      } catch {
        setError(`${person.name}: the change did not reach the server. Check the connection and tap again.`);
        say("stop", `Not saved: ${person.name}`);
      } finally {
        setBusy(null);
      }
    });
  };

  /** Green for a first arrival; red, with the reason, for anyone who should not walk in on this code. */
  const admit = (person: CheckInPerson) => {
    if (person.status === "cancelled") return say("stop", `Cancelled registration: ${person.name}`);
    if (person.status === "waitlisted") return say("stop", `On the waitlist, no seat: ${person.name}`);
    if (person.checkedInAt) return say("stop", `Already checked in at ${person.checkedInText ?? ""}: ${person.name}`);
    change(person, true);
  };

  // Enter: a scanned or typed code, or a search that leaves exactly one person.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = query.trim();
    if (!text) return;
    const code = codeOf(text);
    const byCode = shown.find((p) => p.checkInCode === code);
    if (byCode) return admit(byCode);
    if (looksLikeCode(text)) {
      say("stop", `Unknown code: ${formatCheckInCode(code)}`);
      setQuery("");
      return refocus();
    }
    if (matches.length === 1) return admit(matches[0]!);
    say("stop", matches.length === 0 ? `Nobody with a seat matches “${text}”` : `${matches.length} people match: tap the right one`);
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
      <form role="search" aria-label="Find a person" onSubmit={onSubmit} className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label htmlFor={searchId} className="text-base font-medium">
          Search<span className="sr-only"> by name, email or code</span>
        </label>
        <input
          ref={searchRef}
          id={searchId}
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
          {arrived} of {seated.length} checked in
        </p>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {seated.length === 0 ? (
        <p className="text-slate-600">Nobody holds a seat yet.</p>
      ) : matches.length === 0 ? (
        <p className="text-lg text-slate-700">Nobody with a seat matches “{deferred}”.</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="People with a seat">
            {matches.slice(0, MAX_SHOWN).map((p) => (
              <li key={p.id} className={`flex flex-wrap items-center justify-between gap-4 px-4 py-3 ${p.checkedInAt ? "bg-green-50" : ""}`}>
                <div className="min-w-0">
                  <p className="text-lg font-semibold">{p.name}</p>
                  <p className="text-sm text-slate-700">
                    {[p.organization, p.category].filter(Boolean).join(" · ")}
                    {(p.organization || p.category) && <br />}
                    <span className="break-all">{p.email}</span> · <span className="font-mono">{formatCheckInCode(p.checkInCode)}</span>
                  </p>
                  {p.checkedInText && <p className="text-sm font-medium text-green-800">Checked in at {p.checkedInText}</p>}
                </div>
                {confirmingUndo === p.id ? (
                  <div role="group" aria-label={`Confirm undoing the check-in of ${p.name}`} className="flex flex-wrap items-center gap-2">
                    <span className="text-base text-red-900">Undo this check-in?</span>
                    <Button type="button" variant="danger" className="h-12 px-5 text-base" onClick={() => change(p, false)}>
                      Yes, undo
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      className="h-12 px-5 text-base"
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
          {matches.length > MAX_SHOWN && (
            <p className="text-slate-600">
              Showing {MAX_SHOWN} of {matches.length}. Type more of a name, or the code, to narrow the list.
            </p>
          )}
        </>
      )}
    </section>
  );
}
