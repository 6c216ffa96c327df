import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteSeries } from "@/app/(staff)/admin/series/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { SeriesForm } from "@/components/series-form";
import { Alert } from "@/components/ui/alert";
import { getSeries, isSeriesPublic } from "@/db/queries/series";
import { topicOptions } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Edit series" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditSeriesPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole("staff", `/admin/series/${id}`);
  const series = isUuid(id) ? await getSeries(id) : undefined;
  if (!series) notFound();
  const [{ saved }, topics, isPublic] = await Promise.all([searchParams, topicOptions(), isSeriesPublic(id)]);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/series">← Series</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">{series.name}</h1>
      {saved && <Alert tone="success">Series created.</Alert>}
      <SeriesForm series={series} topics={topics} isPublic={isPublic} />
      <DeleteButton label="series" action={deleteSeries.bind(null, { id: series.id })} redirectTo="/admin/series" />
    </div>
  );
}
