import type { Highlighted } from "@/db/queries/search";

/** Text with the search's matched words in <mark>: every part is a React text node, never markup. */
export function HighlightedText({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {part.mark}
          </mark>
        ),
      )}
    </>
  );
}
