import type { Metadata } from "next";

// The HTTP benchmark's yardstick (bench/http): the least a page of this app can be, prerendered at build
// time and served from the cache. No data, no client component: every public page is measured against it.
export const metadata: Metadata = { title: "Yardstick", robots: { index: false, follow: false } };

export default function StaticYardstick() {
  return (
    <main id="main">
      <p>Static yardstick.</p>
    </main>
  );
}
