import "server-only";

/** A LIKE pattern that finds `q` anywhere, with LIKE's wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Page<T> = { rows: T[]; total: number };
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;
