"use client";

import type { ReactNode } from "react";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { ReorderButtons } from "@/components/ui/reorder-buttons";
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
