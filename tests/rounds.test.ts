import { afterEach, describe, expect, it, vi } from "vitest";
import { oneRoundAtATime } from "@/lib/rounds";

describe("oneRoundAtATime", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shares the run under way with every call made during it, and starts afresh after it", async () => {
    let runs = 0;
    let finish: () => void = () => {};
    const round = oneRoundAtATime(() => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    }, "failed");
    const first = round();
    const second = round();
    expect(second).toBe(first);
    expect(runs).toBe(1);
    finish();
    await first;
    const third = round();
    expect(third).not.toBe(first);
    expect(runs).toBe(2);
    finish();
    await third;
  });

  it("logs a failure, hands it to onError and resolves, so that the next round runs", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const seen: unknown[] = [];
    let fail = true;
    const round = oneRoundAtATime(
      async () => {
        if (fail) throw new Error("database away");
        return "done";
      },
      "[job] failed",
      (error) => seen.push(error),
    );
    await expect(round()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith("[job] failed", expect.objectContaining({ message: "database away" }));
    expect(seen).toHaveLength(1);
    fail = false;
    await expect(round()).resolves.toBe("done");
  });
});
