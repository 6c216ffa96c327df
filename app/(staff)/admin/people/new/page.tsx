import type { Metadata } from "next";
import Link from "next/link";
import { PersonForm } from "@/components/person-form";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  await requireRole("staff", "/admin/people/new");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/people">← People</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">New person</h1>
      <PersonForm />
    </div>
  );
}
