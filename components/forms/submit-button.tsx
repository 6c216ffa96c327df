"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** The submit button of a plain form (a form action): shows that the request is on its way. */
export function SubmitButton({ variant = "primary", children }: { variant?: ButtonVariant; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} pending={pending}>
      {children}
    </Button>
  );
}
