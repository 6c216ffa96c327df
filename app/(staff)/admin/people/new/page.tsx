import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { PersonForm } from "@/components/person-form";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  await requireRole("staff", "/admin/people/new");
  return (
    <ItemPage back={{ href: "/admin/people", label: "People" }} title="New person">
      <PersonForm />
    </ItemPage>
  );
}
