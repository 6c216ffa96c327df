import { signOutAction } from "@/app/(auth)/actions";

export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-slate-700 underline-offset-2 hover:text-brand-700 hover:underline">
        {label}
      </button>
    </form>
  );
}
