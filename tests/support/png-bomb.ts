import { deflateSync } from "node:zlib";

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 } as const;
// Adam7: where each pass starts and how far apart its pixels are.
const PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export type BombOptions = { bitDepth?: 1 | 8 | 16; colorType?: keyof typeof CHANNELS; interlaced?: boolean };

/**
 * A valid PNG of one colour (every byte zero), however large it claims to be, in a few kilobytes:
 * what a decompression bomb looks like. Making one holds its filtered rows once (50 MB for
 * 20000 × 20000 at one bit per pixel), far less than decoding it to 8-bit samples would.
 */
export function pngBomb(width: number, height: number, { bitDepth = 1, colorType = 0, interlaced = false }: BombOptions = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  header[12] = interlaced ? 1 : 0;
  const rowBytes = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * bitDepth * CHANNELS[colorType]) / 8));
  const rows: [number, number][] = interlaced
    ? PASSES.map(([x0, y0, dx, dy]) => [rowBytes(Math.ceil((width - x0) / dx)), Math.max(0, Math.ceil((height - y0) / dy))] as [number, number]).filter(([b, h]) => b > 0 && h > 0)
    : [[rowBytes(width), height]];
  const total = rows.reduce((sum, [bytes, count]) => sum + bytes * count, 0);
  const stream = deflateSync(Buffer.alloc(total), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", stream), chunk("IEND", Buffer.alloc(0))]);
}
