"use client";

import type { ReactNode } from "react";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { ReorderButtons } from "@/components/ui/reorder-buttons";
import { EmptyState } from "@/components/ui/table";
import type { ActionResult } from "@/lib/errors";

/**
 * One runner for the buttons of a row: a change, and what follows once it has gone through (the focus
 * moving on after a removal). The buttons share its pending state, so a row takes one change at a time.
 */
export function useRowActions() {
  return useActionButton(async (change: () => Promise<ActionResult>, after?: () => void) => {
    const result = await change();
    if (result.ok) after?.();
    return result;
  });
}

type Props = {
  /** What the row shows, for the buttons' hidden labels ("Remove Opening remarks"). */
  name: string;
  index: number;
  count: number;
  editing: boolean;
  onToggleEdit: () => void;
  busy: boolean;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
  /** Buttons of the row's own, before the shared ones. */
  children?: ReactNode;
};

/** Edit, move and remove: the buttons of a row in a list edited in place (the agenda, the participants). */
export function RowControls({ name, index, count, editing, onToggleEdit, busy, onMove, onRemove, children }: Props) {
  return (
    <div className="flex flex-wrap gap-2">
      {children}
      <Button type="button" variant="secondary" size="sm" aria-expanded={editing} onClick={onToggleEdit}>
        {editing ? "Close" : "Edit"}
        <span className="sr-only"> {name}</span>
      </Button>
      <ReorderButtons name={name} position={index} count={count} busy={busy} onMove={onMove} />
      <Button type="button" variant="danger" size="sm" pending={busy} onClick={onRemove}>
        Remove<span className="sr-only"> {name}</span>
      </Button>
    </div>
  );
}

type ListProps<T> = {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  items: T[];
  /** What to say, under "No … yet", when the list is empty. */
  empty: { title: string; children: ReactNode };
  /** One row; `onRemoved` moves the focus to the heading once the row is gone. */
  row: (item: T, index: number, onRemoved: () => void) => ReactNode;
};

/** A numbered list of rows edited in place, under a heading that takes the focus when a row is removed. */
export function RowList<T>({ id, title, items, empty, row }: ListProps<T>) {
  const onRemoved = () => document.getElementById(id)?.focus();
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {title}
      </h2>
      {items.length === 0 ? (
        <EmptyState title={empty.title}>{empty.children}</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200">{items.map((item, index) => row(item, index, onRemoved))}</ol>
      )}
    </section>
  );
}

/** The buttons closing a row's edit form. */
export function EditButtons({ save, pending, onCancel, className = "flex gap-2" }: { save: string; pending: boolean; onCancel: () => void; className?: string }) {
  return (
    <div className={className}>
      <Button type="submit" pending={pending}>
        {save}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
