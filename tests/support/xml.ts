import { expect } from "vitest";

/** Expects `xml` to be well formed as far as its elements go: every element opened is closed, in order. */
export function expectBalancedElements(xml: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}
