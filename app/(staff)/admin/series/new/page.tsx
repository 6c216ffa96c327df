import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { SeriesForm } from "@/components/series-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { topicOptions } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New series" };

export default async function NewSeriesPage() {
  await requireRole("staff", "/admin/series/new");
  const [topics, languages] = await Promise.all([topicOptions(), getTranslationLanguages()]);
  return (
    <ItemPage back={{ href: "/admin/series", label: "Series" }} title="New series">
      <SeriesForm topics={topics} languages={languages} />
    </ItemPage>
  );
}
