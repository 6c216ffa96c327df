import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { TopicForm } from "@/components/topic-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New topic" };

export default async function NewTopicPage() {
  await requireRole("staff", "/admin/topics/new");
  const languages = await getTranslationLanguages();
  return (
    <ItemPage back={{ href: "/admin/topics", label: "Topics" }} title="New topic">
      <TopicForm languages={languages} />
    </ItemPage>
  );
}
