import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { PersonForm } from "@/components/person-form";
import { getLanguageSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  await requireRole("staff", "/admin/people/new");
  const { defaultLanguage, enabledLanguages } = await getLanguageSettings();
  return (
    <ItemPage back={{ href: "/admin/people", label: "People" }} title="New person">
      <PersonForm languages={enabledLanguages.filter((l) => l !== defaultLanguage)} />
    </ItemPage>
  );
}
