import "server-only";
import QRCode from "qrcode";
import { listRegistrationsForExport } from "@/db/queries/registration-lists";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatLocalDate, formatTimeRange, zoneLabel } from "@/lib/time";
import { byFamilyName } from "./attendee-order";
import { A4, clip, FONT, finish, fittingSize, mm, newDocument } from "./document";

/** One person with a seat, as the door's papers show them. */
export type DoorEntry = { name: string; organization: string | null; category: string | null; checkInCode: string };
export type DoorEvent = { title: string; slug: string; startsAt: Date; endsAt: Date; timeZone: string };

export const BADGE_LAYOUTS = ["sheet", "single"] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

/** A registration without a category of its own is an attendee. */
const DEFAULT_CATEGORY = "Attendee";

/** Everyone with a confirmed seat: waitlisted and cancelled registrations get no badge and no line. */
export async function doorEntries(eventId: string): Promise<DoorEntry[]> {
  const rows = await listRegistrationsForExport(eventId, { status: "confirmed", sort: "name_asc" });
  return rows.map(({ name, organization, category, checkInCode }) => ({ name, organization, category, checkInCode }));
}

export const doorFilename = (event: DoorEvent, what: string) => `${event.slug.replace(/[^a-z0-9-]/gi, "") || "event"}-${what}.pdf`;

const whenLine = (event: DoorEvent) =>
  `${formatLocalDate(event.startsAt, event.timeZone)}, ${formatTimeRange(event.startsAt, event.endsAt, event.timeZone)} (${zoneLabel(event.timeZone, event.startsAt)})`;

// ---------------------------------------------------------------------------
// Badges: 95 × 70 mm, eight to an A4 sheet (2 × 4, with cut lines) or one to a page of that size.

const BADGE = { width: mm(95), height: mm(70) };
const SHEET = { columns: 2, rows: 4, left: (A4.width - 2 * mm(95)) / 2, top: (A4.height - 4 * mm(70)) / 2 };
export const BADGES_PER_SHEET = SHEET.columns * SHEET.rows;
const PAD = mm(5);
const QR_SIZE = mm(26);

/** The code as a QR code drawn in vector squares: sharp at any print size, nothing to decode. */
function drawQr(doc: PDFKit.PDFDocument, code: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fillColor("black").fill();
}

function drawBadge(doc: PDFKit.PDFDocument, x: number, y: number, person: DoorEntry, event: DoorEvent, cutLines: boolean) {
  const inner = BADGE.width - 2 * PAD;
  if (cutLines) {
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor("#999999").rect(x, y, BADGE.width, BADGE.height).stroke().restore();
  }
  doc.fillColor("#555555").font(FONT.regular).fontSize(8);
  doc.text(clip(doc, event.title, inner), x + PAD, y + PAD, { lineBreak: false });

  const nameSize = fittingSize(doc.font(FONT.bold), person.name, inner, 22, 13);
  doc.fillColor("black").fontSize(nameSize);
  doc.text(person.name, x + PAD, y + PAD + mm(6), { width: inner, height: nameSize * 2.4, ellipsis: true });

  const qrX = x + BADGE.width - PAD - QR_SIZE;
  const qrY = y + BADGE.height - PAD - QR_SIZE - mm(3);
  const beside = qrX - x - PAD - mm(3);
  if (person.organization) {
    doc.font(FONT.regular).fontSize(10).fillColor("#222222");
    doc.text(person.organization, x + PAD, doc.y + 2, { width: beside, height: 10 * 2.5, ellipsis: true });
  }
  doc.font(FONT.bold).fontSize(11).fillColor("#1e3a8a");
  const category = (person.category?.trim() || DEFAULT_CATEGORY).toLocaleUpperCase("en");
  doc.text(clip(doc, category, beside), x + PAD, y + BADGE.height - PAD - 11, { lineBreak: false });

  drawQr(doc, person.checkInCode, qrX, qrY, QR_SIZE);
  doc.font(FONT.regular).fontSize(7).fillColor("#333333");
  doc.text(formatCheckInCode(person.checkInCode), qrX, qrY + QR_SIZE + 2, { width: QR_SIZE, align: "center", lineBreak: false });
}

/** Badges in the order of the attendee list, so that a badge is found where its name is on the list. */
export async function badgesPdf(event: DoorEvent, people: readonly DoorEntry[], layout: BadgeLayout): Promise<Buffer> {
  const ordered = byFamilyName(people);
  const doc = newDocument(`Badges — ${event.title}`, layout === "sheet" ? [A4.width, A4.height] : [BADGE.width, BADGE.height]);
  if (ordered.length === 0) {
    doc.addPage();
    doc.fontSize(12).text("Nobody holds a seat yet.", PAD, PAD);
  }
  ordered.forEach((person, i) => {
    if (layout === "single") {
      doc.addPage();
      return drawBadge(doc, 0, 0, person, event, false);
    }
    const slot = i % BADGES_PER_SHEET;
    if (slot === 0) doc.addPage();
    const column = slot % SHEET.columns;
    const row = Math.floor(slot / SHEET.columns);
    drawBadge(doc, SHEET.left + column * BADGE.width, SHEET.top + row * BADGE.height, person, event, true);
  });
  return finish(doc);
}

// ---------------------------------------------------------------------------
// The attendee list: A4, by family name, a box to tick for each person, page numbers.

const MARGIN = mm(15);
const ROW = 22;
const COLUMNS = { box: 0, name: 20, organization: 200, category: 370, code: 452 } as const;
const WIDTHS = { name: 175, organization: 165, category: 78, code: A4.width - 2 * MARGIN - COLUMNS.code };

function listHeader(doc: PDFKit.PDFDocument, event: DoorEvent, count: number): number {
  let y = MARGIN;
  doc.font(FONT.bold).fontSize(15).fillColor("black");
  doc.text(event.title, MARGIN, y, { width: A4.width - 2 * MARGIN });
  y = doc.y + 2;
  doc.font(FONT.regular).fontSize(10).fillColor("#333333");
  doc.text(`${whenLine(event)} · ${count === 1 ? "1 person" : `${count} people`} with a seat`, MARGIN, y, { width: A4.width - 2 * MARGIN });
  y = doc.y + 10;
  doc.font(FONT.bold).fontSize(9).fillColor("#333333");
  const heads: [keyof typeof WIDTHS, string][] = [["name", "Name"], ["organization", "Organization"], ["category", "Category"], ["code", "Code"]];
  for (const [key, label] of heads) doc.text(label, MARGIN + COLUMNS[key], y, { width: WIDTHS[key], lineBreak: false });
  y += 14;
  doc.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(0.75).strokeColor("#333333").stroke();
  return y + 4;
}

export async function attendeeListPdf(event: DoorEvent, people: readonly DoorEntry[]): Promise<Buffer> {
  const ordered = byFamilyName(people);
  const doc = newDocument(`Attendees — ${event.title}`, [A4.width, A4.height]);
  const bottom = A4.height - MARGIN - 20;
  doc.addPage();
  let y = listHeader(doc, event, ordered.length);
  for (const person of ordered) {
    if (y + ROW > bottom) {
      doc.addPage();
      y = listHeader(doc, event, ordered.length);
    }
    const text = y + 6;
    doc.lineWidth(0.75).strokeColor("black").rect(MARGIN + COLUMNS.box + 1, y + 5, 11, 11).stroke();
    doc.font(FONT.bold).fontSize(10).fillColor("black");
    doc.text(clip(doc, person.name, WIDTHS.name), MARGIN + COLUMNS.name, text, { lineBreak: false });
    doc.font(FONT.regular).fontSize(9).fillColor("#222222");
    doc.text(clip(doc, person.organization ?? "", WIDTHS.organization), MARGIN + COLUMNS.organization, text + 1, { lineBreak: false });
    doc.text(clip(doc, person.category?.trim() || DEFAULT_CATEGORY, WIDTHS.category), MARGIN + COLUMNS.category, text + 1, { lineBreak: false });
    doc.text(formatCheckInCode(person.checkInCode), MARGIN + COLUMNS.code, text + 1, { lineBreak: false });
    y += ROW;
    doc.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).lineWidth(0.25).strokeColor("#bbbbbb").stroke();
  }
  if (ordered.length === 0) doc.font(FONT.regular).fontSize(11).fillColor("black").text("Nobody holds a seat yet.", MARGIN, y + 8);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font(FONT.regular).fontSize(9).fillColor("#333333");
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, A4.height - MARGIN - 10, { width: A4.width - 2 * MARGIN, align: "center", lineBreak: false });
  }
  return finish(doc);
}
