import type { ReactNode } from "react";

type SectionProps = {
  /** The heading's id, which names the section for screen readers. */
  id: string;
  title: string;
  level?: "h2" | "h3";
  /** The section's own classes; null for none. */
  className?: string | null;
  headingClassName?: string;
  children: ReactNode;
};

/** A part of a page under its heading (level 2 unless told), which names it for screen readers. */
export function Section({ id, title, level: Heading = "h2", className = "space-y-3", headingClassName = "text-xl font-semibold text-brand-900", children }: SectionProps) {
  return (
    <section aria-labelledby={id} className={className ?? undefined}>
      <Heading id={id} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
