"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The confirming button of the cancel form; shows that the request is on its way. */
export function RegistrationCancelButton({ label = "Yes, cancel my registration" }: { label?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" pending={pending}>
      {label}
    </Button>
  );
}
