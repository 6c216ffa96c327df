import Link from "next/link";
import { type Column, DataList } from "@/components/admin/data-list";
import { ListHeader, type Load, searchedPage } from "@/components/admin/list-header";

/** What an admin list page receives. */
export type ListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Props<Row> = {
  /** The list's address; its "new" page is `${base}/new`. */
  base: string;
  title: string;
  newLabel: string;
  searchLabel: string;
  searchParams: Record<string, string | string[] | undefined>;
  load: Load<Row>;
  columns: Column<Row>[];
  /** What an empty list says: with nothing yet (and a link to the first), or with nothing matching the search. */
  empty: { none: string; first: string; noMatch: string };
};

/** A searchable, paged admin list (topics, series, venues, people): its heading, "new" link, search box and table. */
export async function SearchedList<Row extends { id: string }>({ base, title, newLabel, searchLabel, searchParams, load, columns, empty }: Props<Row>) {
  const { q, rows, pages } = await searchedPage(base, searchParams, load);
  const newHref = `${base}/new`;
  return (
    <DataList
      header={<ListHeader title={title} newHref={newHref} newLabel={newLabel} q={q} searchLabel={searchLabel} />}
      caption={title}
      columns={columns}
      rows={rows}
      empty={{ title: q ? empty.noMatch : empty.none, body: !q && <Link href={newHref}>{empty.first}</Link> }}
      pages={pages}
    />
  );
}
