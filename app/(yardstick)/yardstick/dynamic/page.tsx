import type { Metadata } from "next";
import { connection } from "next/server";

// The HTTP benchmark's yardstick (bench/http): the least a page rendered for every request can be. No
// data and no client component, so its rate is what rendering a page on demand costs in this app.
export const metadata: Metadata = { title: "Yardstick", robots: { index: false, follow: false } };

export default async function DynamicYardstick() {
  await connection();
  return (
    <main id="main">
      <p>Dynamic yardstick.</p>
    </main>
  );
}
