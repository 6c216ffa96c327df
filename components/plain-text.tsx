/**
 * Staff-written plain text as paragraphs: a blank line starts a new paragraph, a single line break
 * stays a line break. React escapes the text, so nothing in it is ever read as HTML.
 */
import { cn } from "@/lib/cn";
export function PlainText({ text, className = "", lang }: { text: string | null | undefined; className?: string; lang?: string }) {
  const paragraphs = (text ?? "")
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <div className={cn("space-y-3", className)} lang={lang}>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
