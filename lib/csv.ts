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
