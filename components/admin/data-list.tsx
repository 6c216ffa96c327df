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
};

type Props<Row> = {
  /** The list's heading and whatever finds things in it (ListHeader, or a page's own filter form). */
  header: ReactNode;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  empty: { title: string; body?: ReactNode };
  pages: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };
};

/** An admin list page: its header, a table with one row per item (or what to do when there is none), and its pages. */
export function DataList<Row extends { id: string }>({ header, caption, columns, rows, empty, pages }: Props<Row>) {
  return (
    <div className="space-y-6">
      {header}
      {rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <Table caption={caption}>
          <thead>
            <tr>
              {columns.map((c) => (
                <Th key={c.header} className={c.numeric ? "text-right" : undefined}>
                  {c.header}
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
      )}
      <Pagination {...pages} />
    </div>
  );
}
