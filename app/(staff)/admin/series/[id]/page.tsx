import type { Metadata } from "next";
import { deleteSeries } from "@/app/(staff)/admin/series/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemPage } from "@/components/admin/item-page";
import { SeriesForm } from "@/components/series-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { getSeries, isSeriesPublic } from "@/db/queries/series";
import { topicOptions } from "@/db/queries/topics";
import { staffItem } from "@/lib/staff-item";

export const metadata: Metadata = { title: "Edit series" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditSeriesPage({ params, searchParams }: Props) {
  const { id, item: series } = await staffItem(params, "/admin/series", getSeries);
  const [{ saved }, topics, isPublic, languages] = await Promise.all([searchParams, topicOptions(), isSeriesPublic(id), getTranslationLanguages()]);

  return (
    <ItemPage back={{ href: "/admin/series", label: "Series" }} title={series.name} created={saved && "Series created."}>
      <SeriesForm series={series} topics={topics} isPublic={isPublic} languages={languages} />
      <DeleteButton label="series" action={deleteSeries.bind(null, { id: series.id })} redirectTo="/admin/series" />
    </ItemPage>
  );
}
