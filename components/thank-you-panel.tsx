"use client";

import { useId, useState } from "react";
import { sendThankYouEmail } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ThankYouAudience } from "@/db/schema";
import { THANK_YOU_AUDIENCE_LABEL, THANK_YOU_AUDIENCES } from "@/lib/after-event";

type Props = {
  eventId: string;
  /** Where the event and its summary stand, as the server sees them now. */
  stage: "not_over" | "not_published" | "ready" | "sent";
  /** How many each audience reaches now (without unsubscribed addresses and removed registrations). */
  counts: Record<ThankYouAudience, number>;
  defaultAudience: ThankYouAudience;
  /** Once sent: when (in the home clock), to whom, to how many. */
  sent: { when: string; audience: ThankYouAudience; recipients: number | null } | null;
};

const people = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;

/** The summary tab's "thank you, here is the summary" email: choose who, see how many, confirm, once. */
export function ThankYouPanel({ eventId, stage, counts, defaultAudience, sent }: Props) {
  const id = useId();
  const [audience, setAudience] = useState<ThankYouAudience>(defaultAudience);
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, message } = useActionButton(sendThankYouEmail, { onSettled: () => setConfirming(false) });
  const n = counts[audience];

  return (
    <section aria-labelledby="thank-you-heading" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h2 id="thank-you-heading" className="text-lg font-semibold">
        Thank-you email
      </h2>
      {message && <Alert tone="success">{message}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {stage === "sent" && sent ? (
        <p className="text-sm">
          Sent {sent.when} to {sent.recipients == null ? "" : `${people(sent.recipients)}, `}
          {THANK_YOU_AUDIENCE_LABEL[sent.audience]}. It cannot be sent again.
        </p>
      ) : stage === "not_over" ? (
        <p className="text-sm text-slate-700">
          Once the event has ended and its summary is published, you can send the people who came a thank-you email with the summary&apos;s link
          and a short feedback form.
        </p>
      ) : stage === "not_published" ? (
        <p className="text-sm text-slate-700">
          Once the summary is published, you can send the people who came a thank-you email with its link and a short feedback form.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Thanks the people who came, with the summary&apos;s link, a short feedback form (on each person&apos;s own registration page) and
            a link to unsubscribe. It goes once.
          </p>
          <fieldset className="space-y-1" disabled={pending || confirming}>
            <legend className="block text-sm font-medium text-slate-800">Send to</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2 pt-1">
              {THANK_YOU_AUDIENCES.map((value) => (
                <label key={value} htmlFor={`${id}-${value}`} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    id={`${id}-${value}`}
                    type="radio"
                    name="audience"
                    value={value}
                    checked={audience === value}
                    onChange={() => setAudience(value)}
                    className="size-4 accent-brand-700"
                  />
                  {`${THANK_YOU_AUDIENCE_LABEL[value][0]!.toUpperCase()}${THANK_YOU_AUDIENCE_LABEL[value].slice(1)}`} ({counts[value].toLocaleString("en-US")})
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-sm" aria-live="polite">
            {n > 0 ? `It will go to ${people(n)}.` : "Nobody in this group can get it."} Addresses that unsubscribed and registrations whose details were
            removed are left out.
          </p>
          {confirming ? (
            <div role="group" aria-label="Confirm sending the thank-you email" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
              <p className="text-sm text-amber-900">
                Send the thank-you email to {people(n)} now? It can be sent only once.
              </p>
              <div className="flex flex-wrap gap-3">
                <Button type="button" pending={pending} onClick={() => run({ eventId, audience })}>
                  Yes, send to {people(n)}
                </Button>
                <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                  Not now
                </Button>
              </div>
            </div>
          ) : (
            <Button type="button" disabled={n === 0} onClick={() => setConfirming(true)}>
              Send thank-you…
            </Button>
          )}
        </>
      )}
    </section>
  );
}
