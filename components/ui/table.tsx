import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A data table that never widens the page: on a narrow screen it keeps a readable width and scrolls
 * sideways inside its own box (focusable, so that the keyboard can scroll it too), instead of
 * squeezing its columns to a word per line.
 */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // Focusable: a box that scrolls must be reachable by keyboard.
    <div role="group" aria-label={caption} tabIndex={0} className="max-w-full overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full min-w-[40rem] divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" {...props} className={cn("bg-slate-50 px-3 py-2 text-left font-semibold text-slate-700", className)} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} className={cn("px-3 py-2 align-top", className)} />;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}
