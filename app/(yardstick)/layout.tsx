import type { ReactNode } from "react";
import "../globals.css";
import { RootDocument } from "@/components/root-document";

/** The benchmark's reference pages (bench/README.md): the framework's cost with nothing of ours. */
export default function YardstickLayout({ children }: { children: ReactNode }) {
  return (
    <RootDocument lang="en" skipLabel="Skip to content">
      {children}
    </RootDocument>
  );
}
