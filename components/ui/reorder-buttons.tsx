"use client";

import { useEffect, useRef } from "react";
import { Button } from "./button";

type Direction = "up" | "down";

type Props = {
  /** Names the item for screen readers: "Move up <name>". */
  name: string;
  /** The item's place in its list; when it changes after a move, focus returns to the button pressed. */
  position: number;
  count: number;
  busy?: boolean;
  onMove: (direction: Direction) => void;
};

/**
 * "Move up" / "Move down" for an ordered list, usable from the keyboard. Moving an item re-renders the list
 * and can drop the focus; it is put back on the same button (or the other one once an end is reached),
 * so that pressing it again keeps moving the item.
 */
export function ReorderButtons({ name, position, count, busy, onMove }: Props) {
  const group = useRef<HTMLSpanElement>(null);
  const refocus = useRef<Direction | null>(null);

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const button = (d: Direction) => group.current?.querySelector<HTMLButtonElement>(`button[data-move="${d}"]`);
    const [first, second] = wanted === "up" ? [button("up"), button("down")] : [button("down"), button("up")];
    (first && !first.disabled ? first : second)?.focus();
  }, [position]);

  const move = (direction: Direction) => {
    if (busy) return;
    refocus.current = direction;
    onMove(direction);
  };

  return (
    <span ref={group} className="inline-flex gap-2">
      <Button data-move="up" type="button" variant="secondary" size="sm" disabled={position === 0} onClick={() => move("up")}>
        Move up<span className="sr-only"> {name}</span>
      </Button>
      <Button data-move="down" type="button" variant="secondary" size="sm" disabled={position >= count - 1} onClick={() => move("down")}>
        Move down<span className="sr-only"> {name}</span>
      </Button>
    </span>
  );
}
