import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { TopicForm } from "@/components/topic-form";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New topic" };

export default async function NewTopicPage() {
  await requireRole("staff", "/admin/topics/new");
  return (
    <ItemPage back={{ href: "/admin/topics", label: "Topics" }} title="New topic">
      <TopicForm />
    </ItemPage>
  );
}
