// Not marked "server-only": the demo seed (scripts/seed.ts, run by tsx outside Next.js) re-encodes its
// logo through it. It needs sharp, so no browser bundle could include it anyway.
import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES as MESSAGES, type UploadPurpose } from "@/lib/validations/upload";

export { MAX_UPLOAD_BYTES, MESSAGES };

export type ImagePurpose = UploadPurpose;

// Long side after re-encoding: enough for a sharp print-size portrait or a full-width photo.
const MAX_SIDE: Record<ImagePurpose, number> = { portrait: 1200, event: 2400 };
/**
 * A 50 KB PNG can announce 20000 × 20000 pixels of one colour: decoding it would take gigabytes.
 * So the header is read first (no pixels decoded), and two bounds hold before anything is decoded:
 * - pixels: a 40-megapixel camera photo is fine, anything larger is refused (sharp enforces the same
 *   limit itself while decoding, should a header lie);
 * - the memory of a decode that must hold the whole image at once (an interlaced PNG, a progressive
 *   JPEG, a WebP, 16-bit samples): pixels × channels × bytes per sample. Baseline JPEGs and plain
 *   PNGs are decoded a strip at a time, shrunk while they load, and are bounded by the pixels alone.
 * At these bounds one upload peaks at roughly 50–130 MB over the process's base, and at most
 * MAX_CONCURRENT_DECODES run at once in a process.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_WHOLE_DECODE_BYTES = 48 * 1024 * 1024;
const MAX_CONCURRENT_DECODES = 2;

export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

export type ProcessedImage = {
  bytes: Buffer;
  mime: ImageMime;
  /** "<sha256 of the re-encoded bytes>.<ext>" */
  key: string;
  width: number;
  height: number;
};

/** A refusal with the HTTP status it maps to and a sentence the uploader can act on. */
export class ImageRejected extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "ImageRejected";
  }
}

type Format = "jpeg" | "png" | "webp";

/** The format the first bytes announce, whatever the file is called. */
export function sniffFormat(bytes: Uint8Array): Format | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "png";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "webp";
  return null;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Where the image proper ends; bytes after it are something else riding along. */
function imageEnd(b: Uint8Array, format: Format): number {
  if (format === "jpeg") return jpegEnd(b);
  const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (format === "png") {
    // Chunks: length, type, data, checksum; the image ends with the IEND chunk.
    let i = 8;
    while (i + 12 <= b.length) {
      const length = view.readUInt32BE(i);
      const type = ascii(b, i + 4, i + 8);
      i += 12 + length;
      if (type === "IEND") return Math.min(i, b.length);
    }
    return b.length;
  }
  return Math.min(b.length, view.readUInt32LE(4) + 8);
}

/** Walks a JPEG's segments and scans to its end-of-image marker (a thumbnail's inside EXIF is skipped). */
function jpegEnd(b: Uint8Array): number {
  const n = b.length;
  let i = 2;
  while (i + 1 < n) {
    if (b[i] !== 0xff) return n;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) return i + 2;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (i + 3 >= n) return n;
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker until the next segment.
      while (i + 1 < n && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
    }
  }
  return n;
}

// Tags, processing instructions and script URLs: what makes a picture double as a web page. Long
// enough tokens that the binary trailers some cameras add do not match by chance.
const MARKUP = /<\s*(?:!doctype|\?php|\?xml|html|head|body|script|iframe|svg|img|meta|object|embed|style|link|form|frame|base|div|span|table|input|button|title)[\s/>]|javascript:/i;

/**
 * Whether something that reads as markup follows the image. Other trailers (some phones add their
 * own data after the picture) are harmless and disappear with the re-encoding.
 */
export function hasTrailingMarkup(bytes: Uint8Array, format: Format): boolean {
  const end = imageEnd(bytes, format);
  if (end >= bytes.length) return false;
  const trailer = Buffer.from(bytes.buffer, bytes.byteOffset + end, bytes.length - end).toString("latin1");
  return MARKUP.test(trailer);
}

/**
 * Checks an upload by its content and re-encodes it: turned upright by its EXIF orientation, every
 * piece of metadata (EXIF, GPS, XMP, ICC) dropped, bounded in size. Photos come out as JPEG; images
 * with transparency as WebP, which keeps it.
 */
export async function processImage(input: Uint8Array, purpose: ImagePurpose): Promise<ProcessedImage> {
  if (input.length === 0) throw new ImageRejected(400, MESSAGES.empty);
  if (input.length > MAX_UPLOAD_BYTES) throw new ImageRejected(413, MESSAGES.tooLarge);
  const format = sniffFormat(input);
  if (!format) throw new ImageRejected(415, MESSAGES.notImage);
  if (hasTrailingMarkup(input, format)) throw new ImageRejected(400, MESSAGES.trailing);

  let meta: Metadata;
  try {
    // The header only: no pixel is decoded here.
    meta = await sharp(input, { failOn: "truncated", limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected(400, MESSAGES.damaged);
  }
  if (meta.format !== format) throw new ImageRejected(415, MESSAGES.notImage);
  checkDecodeCost(meta);

  return withDecodeSlot(() => encode(input, meta, purpose));
}

/** Refuses, from the header alone, an image whose decoding would take too much memory (see MAX_INPUT_PIXELS). */
export function checkDecodeCost(meta: Pick<Metadata, "width" | "height" | "channels" | "depth" | "isProgressive" | "format" | "orientation">): void {
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new ImageRejected(400, MESSAGES.damaged);
  const pixels = width * height;
  if (pixels > MAX_INPUT_PIXELS) throw new ImageRejected(400, MESSAGES.tooManyPixels);
  const bytesPerSample = meta.depth === "ushort" || meta.depth === "short" ? 2 : meta.depth === "float" || meta.depth === "uint" || meta.depth === "int" ? 4 : 1;
  // Turning a PNG or WebP upright by its orientation needs the whole image; a JPEG is shrunk first.
  const turned = meta.format !== "jpeg" && (meta.orientation ?? 1) > 1;
  const wholeDecode = meta.format === "webp" || Boolean(meta.isProgressive) || bytesPerSample > 1 || turned;
  if (wholeDecode && pixels * (meta.channels ?? 4) * bytesPerSample > MAX_WHOLE_DECODE_BYTES) throw new ImageRejected(400, MESSAGES.tooManyPixels);
}

/** Uploads one account may have in progress at once, in this process (memory is per process too). */
export const MAX_UPLOADS_PER_USER = 2;
const uploadsInProgress = new Map<string, number>();

/**
 * Takes one of the account's upload slots; null when all are in use (answer 429). Call the returned
 * function when the upload is over, however it ends.
 */
export function takeUploadSlot(userId: string): (() => void) | null {
  const current = uploadsInProgress.get(userId) ?? 0;
  if (current >= MAX_UPLOADS_PER_USER) return null;
  uploadsInProgress.set(userId, current + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (uploadsInProgress.get(userId) ?? 1) - 1;
    if (left > 0) uploadsInProgress.set(userId, left);
    else uploadsInProgress.delete(userId);
  };
}

let decoding = 0;
const waiting: (() => void)[] = [];

/** Runs at most MAX_CONCURRENT_DECODES decodes at once in this process; the others wait their turn. */
async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= MAX_CONCURRENT_DECODES) await new Promise<void>((resolve) => waiting.push(resolve));
  else decoding++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waiting.shift();
    if (next) next();
    else decoding--;
  }
}

async function encode(input: Uint8Array, meta: Metadata, purpose: ImagePurpose): Promise<ProcessedImage> {
  const options = { failOn: "truncated", limitInputPixels: MAX_INPUT_PIXELS } as const;

  const side = MAX_SIDE[purpose];
  const pipeline = sharp(input, options)
    .rotate()
    .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true });
  const alpha = Boolean(meta.hasAlpha);
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = alpha
      ? await pipeline.webp({ quality: 85, alphaQuality: 100 }).toBuffer({ resolveWithObject: true })
      : await pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejected(400, MESSAGES.damaged);
  }
  const mime: ImageMime = alpha ? "image/webp" : "image/jpeg";
  const ext = alpha ? "webp" : "jpg";
  const hash = createHash("sha256").update(output.data).digest("hex");
  return { bytes: output.data, mime, key: `${hash}.${ext}`, width: output.info.width, height: output.info.height };
}

/**
 * Reads a request body up to `limit` bytes, counting as it goes: a larger body is refused as soon as
 * it passes the limit, without being held in memory whole.
 */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!body) throw new ImageRejected(400, MESSAGES.empty);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ImageRejected(413, MESSAGES.tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
