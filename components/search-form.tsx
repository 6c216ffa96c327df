/**
 * A site search box: a plain GET form to /search, so it works before any script loads, or without one.
 * `role="search"` makes it a landmark; each box on a page needs its own `name` for it to be told apart.
 */
export function SearchForm({
  id,
  name,
  label,
  defaultValue,
  visibleLabel = false,
  className = "",
  action = "/search",
  buttonLabel = "Search",
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  visibleLabel?: boolean;
  className?: string;
  /** The search page in the page's language (`/ja/search`). */
  action?: string;
  buttonLabel?: string;
}) {
  return (
    <form role="search" aria-label={name} action={action} method="get" className={`flex min-w-0 flex-wrap items-end gap-2 ${className}`}>
      <label htmlFor={id} className={visibleLabel ? "w-full text-sm font-medium text-slate-800" : "sr-only"}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        autoComplete="off"
        className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-base text-slate-900 sm:text-sm"
      />
      <button
        type="submit"
        className="shrink-0 rounded-md border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
      >
        {buttonLabel}
      </button>
    </form>
  );
}
