import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

type Props = {
  /** The list the item belongs to, linked above its heading. */
  back: { href: string; label: string };
  title: string;
  /** Shown once, after the item was created (the new page sends ?saved=1). */
  created?: string | false;
  children: ReactNode;
};

/** A staff page for one item (a topic, a venue, a message…) or a new one: a way back to its list, its heading, its content. */
export function ItemPage({ back, title, created, children }: Props) {
  return (
    <div className="space-y-6">
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">{title}</h1>
      {created && <Alert tone="success">{created}</Alert>}
      {children}
    </div>
  );
}
