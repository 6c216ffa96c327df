import type { ReactNode } from "react";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Classes for the column's cells (not its heading). */
  className?: string;
  /** A count: right-aligned, heading included, in figures of one width. */
  numeric?: boolean;
  /** The heading is read out but not shown (a column of buttons). */
  quietHeader?: boolean;
};

type TableProps<Row> = {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** What shows instead of an empty table: what is missing, and what to do about it. */
  empty: { title: string; body?: ReactNode };
};

/** A table with one row per item and one column per definition, or its empty state when there are no items. */
export function DataTable<Row extends { id: string }>({ caption, columns, rows, empty }: TableProps<Row>) {
  if (rows.length === 0) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c.header} className={c.numeric ? "text-right" : undefined}>
              {c.quietHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((c) => (
              <Td key={c.header} className={cn(c.numeric && "text-right tabular-nums", c.className)}>
                {c.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

type ListProps<Row> = TableProps<Row> & {
  /** The list's heading and whatever finds things in it (ListHeader, or a page's own filter form). */
  header: ReactNode;
  pages: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };
};

/** An admin list page: its header, its table (or what to do when there is nothing in it), and its pages. */
export function DataList<Row extends { id: string }>({ header, pages, ...table }: ListProps<Row>) {
  return (
    <div className="space-y-6">
      {header}
      <DataTable {...table} />
      <Pagination {...pages} />
    </div>
  );
}
