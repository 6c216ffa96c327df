/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, quoted cells where needed, and a byte-order mark so
 * that Excel reads the file as UTF-8 rather than the system's legacy code page.
 */

const CRLF = "\r\n";
const BOM = "\uFEFF";

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection"). Leading
// spaces do not stop every program from doing so, so a formula character after them counts too.
const FORMULA_START = /^(?:[=+\-@\t\r\n]|\s+[=+\-@])/;

/** One cell: formulas neutralised with a leading apostrophe, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole file: the header row, then each row, each line ended by CRLF, behind a UTF-8 byte-order mark. */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((r) => csvRow(r) + CRLF).join("");
}

/**
 * The same file as `csvDocument`, as a stream: the header, then each batch of rows as it comes, so
 * that an export of any size holds one batch in memory. Nothing is read ahead of what the client takes.
 */
export function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly unknown[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvRow(header) + CRLF));
        return;
      }
      const { done, value } = await iterator.next();
      if (done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(value.map((r) => csvRow(r) + CRLF).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
