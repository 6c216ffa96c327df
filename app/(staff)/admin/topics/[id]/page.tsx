import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteTopic } from "@/app/(staff)/admin/topics/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { TopicForm } from "@/components/topic-form";
import { Alert } from "@/components/ui/alert";
import { getTopic, isTopicPublic } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Edit topic" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditTopicPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole("staff", `/admin/topics/${id}`);
  const topic = isUuid(id) ? await getTopic(id) : undefined;
  if (!topic) notFound();
  const [{ saved }, isPublic] = await Promise.all([searchParams, isTopicPublic(id)]);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/topics">← Topics</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">{topic.name}</h1>
      {saved && <Alert tone="success">Topic created.</Alert>}
      <TopicForm topic={topic} isPublic={isPublic} />
      <DeleteButton label="topic" action={deleteTopic.bind(null, { id: topic.id })} redirectTo="/admin/topics" />
    </div>
  );
}
