"use client";

import { type ComponentProps, useId } from "react";
import { Input } from "@/components/ui/field";

/** A text input offering values to pick from (the browser's datalist); any other value may still be typed. */
export function SuggestInput({ suggestions, ...props }: ComponentProps<typeof Input> & { suggestions: readonly string[] }) {
  const listId = useId();
  return (
    <>
      <Input {...props} list={listId} />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
