import type { Metadata } from "next";
import Link from "next/link";
import { SeriesForm } from "@/components/series-form";
import { topicOptions } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New series" };

export default async function NewSeriesPage() {
  await requireRole("staff", "/admin/series/new");
  const topics = await topicOptions();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/series">← Series</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">New series</h1>
      <SeriesForm topics={topics} />
    </div>
  );
}
