"use client";

import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useId, useMemo, useOptimistic, useState, useTransition } from "react";
import { checkIn, undoCheckIn } from "@/app/(staff)/admin/events/[id]/check-in/actions";
import { Alert } from "@/components/ui/alert";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatTime } from "@/lib/time";

export type CheckInPerson = {
  id: string;
  name: string;
  email: string;
  organization: string | null;
  category: string | null;
  checkInCode: string;
  /** ISO time, or null while not checked in. */
  checkedInAt: string | null;
};

type Props = { people: CheckInPerson[]; timeZone: string };

// Several tablets at one door: each picks up the others' check-ins within this time.
const REFRESH_MS = 10_000;
const MAX_SHOWN = 60;

/** Lower-case without accents, so that "jose" finds "José". */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const codeOf = (text: string) => text.replace(/[^0-9a-z]/gi, "").toUpperCase();

/**
 * The door: search by name, email or code, one tap to check in or undo, and the count of arrivals.
 * The whole confirmed list is on the page (a few hundred rows), so searching needs no round trip.
 */
export function CheckInBoard({ people, timeZone }: Props) {
  const router = useRouter();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [shown, applyChange] = useOptimistic(people, (state, change: { id: string; checkedInAt: string | null }) =>
    state.map((p) => (p.id === change.id ? { ...p, checkedInAt: change.checkedInAt } : p)),
  );

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !busy) router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router, busy]);

  const index = useMemo(() => shown.map((p) => ({ p, text: fold([p.name, p.email, p.organization ?? ""].join(" ")) })), [shown]);
  const matches = useMemo(() => {
    const words = fold(deferred).split(/\s+/).filter(Boolean);
    const code = codeOf(deferred);
    if (words.length === 0) return index.map((e) => e.p);
    return index.filter((e) => words.every((w) => e.text.includes(w)) || (code.length >= 3 && e.p.checkInCode.includes(code))).map((e) => e.p);
  }, [index, deferred]);

  const arrived = shown.filter((p) => p.checkedInAt).length;

  const toggle = (person: CheckInPerson) => {
    const arriving = !person.checkedInAt;
    setError(null);
    setBusy(person.id);
    startTransition(async () => {
      applyChange({ id: person.id, checkedInAt: arriving ? new Date().toISOString() : null });
      try {
        const result = await (arriving ? checkIn : undoCheckIn)({ id: person.id });
        if (!result.ok) setError(`${person.name}: ${result.message}`);
      } catch {
        setError(`${person.name}: the change did not reach the server. Check the connection and tap again.`);
      } finally {
        setBusy(null);
      }
    });
  };

  return (
    <section aria-label="Check-in" className="space-y-5">
      <p role="status" aria-live="polite" className="text-3xl font-semibold tabular-nums text-brand-900">
        {arrived} of {shown.length} checked in
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="space-y-1">
        <label htmlFor={searchId} className="block text-base font-medium">
          Search by name, email or code
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          className="block h-14 w-full max-w-2xl rounded-md border border-slate-300 px-4 text-xl focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
      </div>
      {shown.length === 0 ? (
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
                  {p.checkedInAt && <p className="text-sm font-medium text-green-800">Checked in at {formatTime(new Date(p.checkedInAt), timeZone)}</p>}
                </div>
                <button
                  type="button"
                  onClick={() => toggle(p)}
                  disabled={busy === p.id}
                  aria-label={`${p.checkedInAt ? "Undo check-in of" : "Check in"} ${p.name}`}
                  className={`h-14 min-w-36 rounded-md px-6 text-lg font-semibold disabled:opacity-60 ${
                    p.checkedInAt ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50" : "bg-brand-700 text-white hover:bg-brand-800"
                  }`}
                >
                  {p.checkedInAt ? "Undo" : "Check in"}
                </button>
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
