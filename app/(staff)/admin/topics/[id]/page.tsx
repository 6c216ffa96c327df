import type { Metadata } from "next";
import { deleteTopic } from "@/app/(staff)/admin/topics/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemPage } from "@/components/admin/item-page";
import { TopicForm } from "@/components/topic-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { getTopic, isTopicPublic } from "@/db/queries/topics";
import { staffItem } from "@/lib/staff-item";

export const metadata: Metadata = { title: "Edit topic" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditTopicPage({ params, searchParams }: Props) {
  const { id, item: topic } = await staffItem(params, "/admin/topics", getTopic);
  const [{ saved }, isPublic, languages] = await Promise.all([searchParams, isTopicPublic(id), getTranslationLanguages()]);

  return (
    <ItemPage back={{ href: "/admin/topics", label: "Topics" }} title={topic.name} created={saved && "Topic created."}>
      <TopicForm topic={topic} isPublic={isPublic} languages={languages} />
      <DeleteButton label="topic" action={deleteTopic.bind(null, { id: topic.id })} redirectTo="/admin/topics" />
    </ItemPage>
  );
}
