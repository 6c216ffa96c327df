"use client";

import { AreaError } from "@/components/area-error";

export default function StaffError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <AreaError {...props} back={{ href: "/admin", label: "Back to the dashboard" }} />;
}
