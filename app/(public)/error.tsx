"use client";

import { PublicError } from "@/components/public-error";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PublicError {...props} />;
}
