import sharp from "sharp";

/**
 * The demo organization's logo: a neutral mark drawn here rather than shipped as a file, a navy
 * roundel over a portico of four columns. No text, so it needs no font on the machine.
 */
export function demoLogoPng(): Promise<Buffer> {
  const columns = [0, 1, 2, 3].map((i) => `<rect x="${70 + i * 32}" y="104" width="20" height="72" rx="3" fill="#ffffff"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <circle cx="128" cy="128" r="124" fill="#1e3a5f"/>
  <circle cx="128" cy="128" r="108" fill="none" stroke="#c9a227" stroke-width="6"/>
  <polygon points="128,48 204,92 52,92" fill="#ffffff"/>
  ${columns}
  <rect x="56" y="184" width="144" height="14" rx="3" fill="#ffffff"/>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
