import Link from "next/link";
import { SearchForm } from "@/components/search-form";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-brand-900">Page not found</h1>
      <p className="mt-2 text-slate-600">The page you asked for does not exist, or is not published.</p>
      <SearchForm
        id="not-found-search"
        name="Site"
        label="Search for an event, a summary, a person or a topic"
        visibleLabel
        className="mx-auto mt-8 max-w-md text-left"
      />
      <p className="mt-6">
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
