"use client";

import { AreaError } from "@/components/area-error";

export default function PanelistError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <AreaError {...props} back={{ href: "/me", label: "Back to your page" }} />;
}
