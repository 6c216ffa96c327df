import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { hasTrailingMarkup, ImageRejected, MAX_UPLOAD_BYTES, processImage, readBodyWithLimit, sniffFormat } from "@/lib/images";
import { UPLOAD_MESSAGES } from "@/lib/validations/upload";

const create = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 10, g: 120, b: 200, alpha: 0.5 } : { r: 200, g: 30, b: 30 } } });

// EXIF with a copyright line and a GPS position, as a phone would write it.
const withExif = (image: Sharp) =>
  image.withMetadata({ exif: { IFD0: { Copyright: "Someone", Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "46/1 12/1 0/1" } } });

async function refusal(input: Uint8Array) {
  try {
    await processImage(input, "portrait");
  } catch (error) {
    if (error instanceof ImageRejected) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("the image was accepted");
}

describe("refused uploads, each with a plain message", () => {
  it("an SVG, even one with a picture's name", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    expect(await refusal(svg)).toEqual({ status: 415, message: UPLOAD_MESSAGES.notImage });
  });

  it("an HTML file named .jpg", async () => {
    const html = Buffer.from("<!doctype html><html><body><script>document.cookie</script></body></html>");
    expect(await refusal(html)).toEqual({ status: 415, message: UPLOAD_MESSAGES.notImage });
  });

  it("a JPEG with HTML after the end of the picture", async () => {
    const jpeg = await create(64, 48).jpeg().toBuffer();
    const polyglot = Buffer.concat([jpeg, Buffer.from("\n<html><script>alert(document.domain)</script></html>")]);
    expect(sniffFormat(polyglot)).toBe("jpeg");
    expect(await refusal(polyglot)).toEqual({ status: 400, message: UPLOAD_MESSAGES.trailing });
  });

  it("a PNG with a script after its last chunk", async () => {
    const png = await create(32, 32).png().toBuffer();
    expect(await refusal(Buffer.concat([png, Buffer.from("<script>alert(1)</script>")]))).toMatchObject({ status: 400 });
  });

  it("a truncated image", async () => {
    for (const image of [await create(400, 300).jpeg().toBuffer(), await create(400, 300).png().toBuffer(), await create(400, 300).webp().toBuffer()]) {
      const truncated = image.subarray(0, Math.floor(image.length * 0.6));
      expect(await refusal(truncated)).toEqual({ status: 400, message: UPLOAD_MESSAGES.damaged });
    }
  });

  it("a file over 10 MB", async () => {
    const jpeg = await create(16, 16).jpeg().toBuffer();
    const big = Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024)]);
    expect(await refusal(big)).toEqual({ status: 413, message: UPLOAD_MESSAGES.tooLarge });
  });

  it("an empty file", async () => {
    expect(await refusal(new Uint8Array())).toEqual({ status: 400, message: UPLOAD_MESSAGES.empty });
  });
});

describe("reading an upload", () => {
  it("stops as soon as the body passes 10 MB, without reading the rest", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        // An endless body: only the limit ends it.
        controller.enqueue(chunk);
      },
    });
    await expect(readBodyWithLimit(body)).rejects.toMatchObject({ status: 413, message: UPLOAD_MESSAGES.tooLarge });
    expect(pulled).toBeLessThanOrEqual(Math.ceil(MAX_UPLOAD_BYTES / chunk.length) + 2);
  });

  it("returns a body within the limit whole", async () => {
    const body = new Blob([new Uint8Array(1000), new Uint8Array(24)]).stream();
    expect((await readBodyWithLimit(body)).length).toBe(1024);
  });
});

describe("accepted uploads", () => {
  it.each([
    ["JPEG", "jpeg"],
    ["PNG", "png"],
    ["WebP", "webp"],
  ] as const)("a %s is re-encoded without its EXIF or GPS data", async (_, format) => {
    const input = await withExif(create(640, 480)).toFormat(format).toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();

    const out = await processImage(input, "portrait");
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(out.mime).toBe("image/jpeg");
    expect(out.key).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect([out.width, out.height]).toEqual([640, 480]);
  });

  it("keeps transparency (as WebP) and bounds the size", async () => {
    const out = await processImage(await create(3000, 1500, 4).png().toBuffer(), "portrait");
    expect(out.mime).toBe("image/webp");
    expect(out.key.endsWith(".webp")).toBe(true);
    expect([out.width, out.height]).toEqual([1200, 600]);
    expect((await sharp(out.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("lets event photos be larger than portraits", async () => {
    const out = await processImage(await create(3000, 2000).jpeg().toBuffer(), "event");
    expect([out.width, out.height]).toEqual([2400, 1600]);
  });

  it("turns a photo upright by its EXIF orientation", async () => {
    const sideways = await create(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await processImage(sideways, "portrait");
    expect([out.width, out.height]).toEqual([200, 400]);
    expect((await sharp(out.bytes).metadata()).orientation).toBeUndefined();
  });

  it("names the file by the hash of what is stored", async () => {
    const input = await create(100, 100).png().toBuffer();
    const [a, b] = await Promise.all([processImage(input, "portrait"), processImage(input, "portrait")]);
    expect(a.key).toBe(b.key);
  });

  it("accepts a camera's binary trailer and drops it", async () => {
    const jpeg = await create(64, 48).jpeg().toBuffer();
    const trailer = Buffer.concat([Buffer.from("SEFH"), Buffer.from([0, 1, 2, 0xff, 0x3c, 0x61, 0x20, 9]), Buffer.from("SEFT")]);
    const withTrailer = Buffer.concat([jpeg, trailer]);
    expect(hasTrailingMarkup(withTrailer, "jpeg")).toBe(false);
    await expect(processImage(withTrailer, "portrait")).resolves.toMatchObject({ mime: "image/jpeg" });
  });
});
