"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import type { PositionFollowUp } from "@/app/(staff)/admin/approvals/actions";
import { PositionFollowUpOffer } from "@/components/position-follow-up";

export type Outcome = { text: string; followUp?: PositionFollowUp | null };

const Report = createContext<(outcome: Outcome) => void>(() => {});

/**
 * Keeps the outcome of each decision on screen. A decided change leaves the list as soon as the
 * page refreshes; this sits above the list, so its messages (and the offer to carry a new position
 * onto upcoming events) outlive the change they describe.
 */
export function ApprovalOutcomes({ children }: { children: ReactNode }) {
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const report = useCallback((outcome: Outcome) => setOutcomes((all) => [...all, outcome]), []);
  const followUps = outcomes.flatMap((o) => (o.followUp ? [o.followUp] : []));
  return (
    <Report.Provider value={report}>
      <div className="space-y-6">
        {/* Always present, so that screen readers announce what is added to it. */}
        <div role="status">
          {outcomes.length > 0 && (
            <div className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
              {outcomes.map((o, i) => (
                <span key={i} className="block">
                  {o.text}
                </span>
              ))}
            </div>
          )}
        </div>
        {followUps.map((f, i) => (
          <PositionFollowUpOffer key={`${f.personId}-${i}`} followUp={f} />
        ))}
        {children}
      </div>
    </Report.Provider>
  );
}

export const useReportOutcome = () => useContext(Report);
