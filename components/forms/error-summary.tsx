"use client";

import type { MouseEvent } from "react";

export type ErrorSummaryItem = {
  message: string;
  /** The id of the control the message is about; without it (or `control`) the message is listed without a link. */
  id?: string;
  /** The control itself, when the summary is made in the browser and the control has no id. */
  control?: HTMLElement;
};

type Props = {
  items: ErrorSummaryItem[];
  /** Inside a box that already speaks as an alert (the forms' `Alert`): only the heading and the list. */
  bare?: boolean;
  /** A sentence about the whole form, above the list (why the fields were refused). */
  lead?: string;
  /** The heading, in the page's language on a public page. */
  title?: string;
};

export const ERROR_SUMMARY_TITLE = "There is a problem";

/**
 * The list of what needs fixing, at the top of a form, each linking to its field (the GOV.UK error
 * summary). The links are plain fragment links, so they work before the page's script has loaded;
 * once it has, following one also moves the keyboard focus into the field.
 */
export function ErrorSummary({ items, bare = false, lead, title = ERROR_SUMMARY_TITLE }: Props) {
  if (items.length === 0) return null;
  const content = (
    <>
      <h2 className="text-base font-semibold text-red-900">{title}</h2>
      {lead && <p className="mt-1">{lead}</p>}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item, i) => (
          <li key={`${item.id ?? "form"}-${i}`}>
            {item.id || item.control ? (
              <a href={`#${item.id ?? ""}`} onClick={(e) => focusField(e, item)} className="font-medium text-red-800 underline">
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </>
  );
  if (bare) return <div className="space-y-1">{content}</div>;
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
      {content}
    </div>
  );
}

function focusField(e: MouseEvent<HTMLAnchorElement>, item: ErrorSummaryItem) {
  const field = item.control ?? (item.id ? document.getElementById(item.id) : null);
  if (!field) return;
  e.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}
