"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

const Report = createContext<(text: string) => void>(() => {});

/**
 * Keeps the outcome of each decision on screen. A decided change leaves the list as soon as the
 * page refreshes; this sits above the list, so its messages outlive the change they describe.
 */
export function ApprovalOutcomes({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<string[]>([]);
  const report = useCallback((text: string) => setMessages((all) => [...all, text]), []);
  return (
    <Report.Provider value={report}>
      <div className="space-y-6">
        {/* Always present, so that screen readers announce what is added to it. */}
        <div role="status">
          {messages.length > 0 && (
            <div className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
              {messages.map((m, i) => (
                <span key={i} className="block">
                  {m}
                </span>
              ))}
            </div>
          )}
        </div>
        {children}
      </div>
    </Report.Provider>
  );
}

export const useReportOutcome = () => useContext(Report);
