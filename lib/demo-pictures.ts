import sharp from "sharp";

// The demo's event pictures, drawn here at seed time: plain illustrations of shapes (figures, a table,
// a lectern), never made to pass for photographs, and with no text, so they need no font.

const WIDTH = 1200;
const HEIGHT = 800;

/** A figure: a round head over rounded shoulders, its feet (or the table's edge) at `base`. */
function figure(x: number, base: number, size: number, colour: string, skin: string): string {
  const head = size * 0.42;
  const body = size * 1.15;
  return `<g>
    <path d="M ${x - size * 0.55} ${base} Q ${x - size * 0.55} ${base - body} ${x} ${base - body} Q ${x + size * 0.55} ${base - body} ${x + size * 0.55} ${base} Z" fill="${colour}"/>
    <circle cx="${x}" cy="${base - body - head * 0.9}" r="${head}" fill="${skin}"/>
  </g>`;
}

const SUITS = ["#1e3a5f", "#334155", "#7c2d12", "#14532d", "#4c1d95", "#0f766e", "#9f1239", "#374151"];
const SKINS = ["#f1c27d", "#c68642", "#8d5524", "#e0ac69", "#ffdbac", "#a0522d"];
const pick = <T>(list: T[], i: number): T => list[i % list.length]!;

/** The back of an audience's heads along the bottom of the picture. */
function audience(rows: number, y: number): string {
  let out = "";
  for (let row = 0; row < rows; row++) {
    const count = 9 + row;
    const size = 70 + row * 16;
    for (let i = 0; i < count; i++) {
      const x = ((i + (row % 2 ? 0.5 : 0.2)) * WIDTH) / count;
      out += `<circle cx="${x}" cy="${y + row * 70}" r="${size * 0.42}" fill="#1f2937" opacity="${0.82 + row * 0.06}"/>`;
      out += `<rect x="${x - size * 0.6}" y="${y + row * 70 + size * 0.3}" width="${size * 1.2}" height="${size}" rx="${size * 0.35}" fill="#111827"/>`;
    }
  }
  return out;
}

/** A conference room: a wall in the event's blue, a stage, and a soft light from above. */
function room(inner: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#dbeafe"/><stop offset="1" stop-color="#93c5fd"/>
    </linearGradient>
    <linearGradient id="stage" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#a16207"/><stop offset="1" stop-color="#713f12"/>
    </linearGradient>
    <radialGradient id="light" cx="0.5" cy="0.2" r="0.6">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#wall)"/>
  <rect x="160" y="70" width="880" height="330" rx="18" fill="#1e3a5f" opacity="0.85"/>
  <circle cx="600" cy="235" r="92" fill="none" stroke="#c9a227" stroke-width="10" opacity="0.8"/>
  <rect y="470" width="${WIDTH}" height="${HEIGHT - 470}" fill="url(#stage)"/>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#light)"/>
  ${inner}
</svg>`;
}

/** Five people at a long table on a stage, seen from the audience. */
function panelTable(): string {
  const seats = [270, 435, 600, 765, 930];
  const people = seats.map((x, i) => figure(x, 520, 120, pick(SUITS, i), pick(SKINS, i + 1))).join("");
  const table = `<rect x="180" y="500" width="840" height="26" rx="6" fill="#f8fafc"/>
    <rect x="200" y="526" width="800" height="120" fill="#1e40af"/>
    ${seats.map((x) => `<rect x="${x - 10}" y="470" width="20" height="32" rx="6" fill="#0f172a"/>`).join("")}`;
  return room(`${people}${table}${audience(2, 690)}`);
}

/** One person at a lectern, speaking, with the audience in front. */
function lecternSpeech(): string {
  const speaker = figure(600, 560, 150, "#1e3a5f", "#f1c27d");
  const lectern = `<path d="M 520 470 L 680 470 L 660 700 L 540 700 Z" fill="#78350f"/>
    <rect x="505" y="455" width="190" height="26" rx="6" fill="#92400e"/>
    <circle cx="600" cy="560" r="30" fill="#c9a227" opacity="0.9"/>
    <rect x="594" y="400" width="12" height="60" rx="5" fill="#0f172a"/>`;
  const flags = [220, 980].map((x) => `<rect x="${x}" y="160" width="8" height="340" fill="#475569"/><path d="M ${x + 8} 170 Q ${x + 70} 190 ${x + 8} 300 Z" fill="#2563eb"/>`).join("");
  return room(`${flags}${speaker}${lectern}${audience(2, 720)}`);
}

/** A group of people standing in three rows, as after a meeting. */
function groupGathering(): string {
  const rows = [
    { count: 7, base: 520, size: 110, from: 230, to: 970 },
    { count: 8, base: 610, size: 125, from: 170, to: 1030 },
    { count: 7, base: 720, size: 145, from: 140, to: 1060 },
  ];
  let people = "";
  rows.forEach((row, r) => {
    for (let i = 0; i < row.count; i++) {
      const x = row.from + ((row.to - row.from) * i) / (row.count - 1);
      people += figure(x, row.base, row.size, pick(SUITS, i + r * 3), pick(SKINS, i * 2 + r));
    }
  });
  return room(`<rect y="${HEIGHT - 40}" width="${WIDTH}" height="40" fill="#451a03" opacity="0.5"/>${people}`);
}

export type DemoPicture = { name: "group" | "speech" | "panel"; svg: string };

/** The three scenes, in the order they appear on the summary. */
export const DEMO_PICTURES: readonly DemoPicture[] = [
  { name: "group", svg: groupGathering() },
  { name: "speech", svg: lecternSpeech() },
  { name: "panel", svg: panelTable() },
];

/** A scene rendered as a JPEG file, as a camera or an editor would hand one over. */
export function renderDemoPicture(picture: DemoPicture): Promise<Buffer> {
  return sharp(Buffer.from(picture.svg)).flatten({ background: "#ffffff" }).jpeg({ quality: 90 }).toBuffer();
}
