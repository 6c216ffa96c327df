/**
 * Joins class names, leaving out the empty and the false: `cn("base", busy && "opacity-50", className)`.
 * It does not merge Tailwind classes; a component offers a prop (a button's `size`) where callers
 * would otherwise pass a class that fights one of its own.
 */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
