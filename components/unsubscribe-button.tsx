"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The confirming button of the unsubscribe page; shows that the request is on its way. */
export function UnsubscribeButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" pending={pending}>
      {label}
    </Button>
  );
}
