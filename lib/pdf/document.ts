import "server-only";
import { join } from "node:path";
import PDFDocument from "pdfkit";

/**
 * DejaVu Sans (dejavu-fonts-ttf, a free licence), embedded and subset by pdfkit: unlike the PDF standard
 * fonts, whose WinAnsi encoding stops at Western European letters, it writes Polish, Czech, Greek and
 * Cyrillic names as typed. It has no Chinese, Japanese or Korean glyphs (a complete CJK font weighs many
 * megabytes): such a name prints with empty boxes, and `missingGlyphs` lets a document say so.
 */
const FONT_DIR = join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
export const FONT = { regular: "DejaVu", bold: "DejaVu-Bold" } as const;

export const mm = (n: number) => (n * 72) / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;

/** A document in DejaVu Sans whose pages stay in memory until `finish`, so that footers can count them. */
export function newDocument(title: string, size: [number, number]): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size, margin: 0, bufferPages: true, autoFirstPage: false, info: { Title: title, Producer: "Symposia" } });
  doc.registerFont(FONT.regular, join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(FONT.bold, join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and gives its bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** The largest size from `max` down to `min` at which `text` fits `width` on one line, in the current font. */
export function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/** `text` cut to `width` with an ellipsis, at the current font and size. */
export function clip(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
