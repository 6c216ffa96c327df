/**
 * Run in a child process of its own (tests/images.test.ts): processes one generated PNG and prints how
 * far the process's peak memory rose above its level just before, so no other test's memory counts.
 * Usage: tsx --conditions=react-server tests/support/decode-peak.ts '<json BombOptions & {width,height}>'
 */
import sharp from "sharp";
import { ImageRejected, processImage } from "@/lib/images";
import { type BombOptions, pngBomb } from "./png-bomb";

async function main() {
  const { width, height, ...options } = JSON.parse(process.argv[2]!) as BombOptions & { width: number; height: number };
  // No cache of earlier operations: only this upload's memory is measured.
  sharp.cache(false);
  const input = pngBomb(width, height, options);
  const before = process.resourceUsage().maxRSS;
  let outcome: string;
  try {
    const image = await processImage(input, "event");
    outcome = `accepted ${image.width}x${image.height}`;
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    outcome = `refused: ${error.message}`;
  }
  const growthMB = Math.round((process.resourceUsage().maxRSS - before) / 1024);
  process.stdout.write(JSON.stringify({ outcome, inputBytes: input.length, growthMB }) + "\n");
}

void main();
