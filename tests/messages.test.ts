import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n/languages";
import { MESSAGES, translator } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

/** Every message's key path with its ICU argument names: `site.languages.current` → ["language"]. */
function leaves(tree: Tree, prefix = "", emptyOnly = false): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") {
      if (!emptyOnly || value.trim() === "") out.set(path, argumentsOf(value));
    } else for (const [p, a] of leaves(value, path, emptyOnly)) out.set(p, a);
  }
  return out;
}

/** The top-level `{name}` / `{name, plural, …}` arguments of an ICU message, sorted and unique. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0 || depth === 2) {
        const match = /^\{\s*([A-Za-z_][\w]*)\s*[,}]/.exec(message.slice(i));
        if (match?.[1]) names.add(match[1]);
      }
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

const messagesDir = join(__dirname, "..", "messages");

describe("interface messages", () => {
  it("has the same areas, as files, in every language", () => {
    const areas = (language: string) => readdirSync(join(messagesDir, language)).sort();
    for (const language of LANGUAGES) expect(areas(language), language).toEqual(areas("en"));
    expect(readdirSync(messagesDir).sort()).toEqual([...LANGUAGES].sort());
  });

  it("has every key in every language, with the same arguments", () => {
    const reference = leaves(MESSAGES.en as unknown as Tree);
    expect(reference.size).toBeGreaterThan(10);
    for (const language of LANGUAGES) {
      const other = leaves(MESSAGES[language] as unknown as Tree);
      const missing = [...reference.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !reference.has(k));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
      for (const [key, args] of reference) expect({ key, language, args: other.get(key) }).toEqual({ key, language, args });
    }
  });

  it("has no empty message", () => {
    for (const language of LANGUAGES) {
      const empty = [...leaves(MESSAGES[language] as unknown as Tree, "", true).keys()];
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it("reads the files as they are on disk", () => {
    for (const language of LANGUAGES) {
      const onDisk = JSON.parse(readFileSync(join(messagesDir, language, "site.json"), "utf8"));
      expect(MESSAGES[language].site).toEqual(onDisk);
    }
  });

  it("formats arguments in each language", () => {
    expect(translator("en", "site")("languages.current", { language: "English" })).toBe("English (current)");
    expect(translator("ja", "site")("languages.current", { language: "日本語" })).toBe("日本語（表示中）");
  });
});

describe("argumentsOf", () => {
  it("finds plain, plural and nested arguments", () => {
    expect(argumentsOf("{count, plural, one {# seat for {name}} other {# seats}} at {place}")).toEqual(["count", "name", "place"]);
    expect(argumentsOf("no arguments")).toEqual([]);
  });
});
