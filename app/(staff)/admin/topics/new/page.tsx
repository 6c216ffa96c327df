import type { Metadata } from "next";
import Link from "next/link";
import { TopicForm } from "@/components/topic-form";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New topic" };

export default async function NewTopicPage() {
  await requireRole("staff", "/admin/topics/new");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/topics">← Topics</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">New topic</h1>
      <TopicForm />
    </div>
  );
}
