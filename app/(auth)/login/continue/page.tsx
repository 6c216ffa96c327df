import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/validations/auth";

type Props = { searchParams: Promise<{ next?: string }> };

/** Where a fresh sign-in lands: the page asked for, else the person's own area. */
export default async function ContinuePage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const next = safeNextPath((await searchParams).next);
  redirect(next ?? (user.role === "panelist" ? "/me" : "/admin"));
}
