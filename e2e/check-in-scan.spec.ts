import type { Browser, Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../playwright.config";
import { addRegistration, eventIdByTitle, UPCOMING_TITLE } from "./check-in-desk";
import { expect, storageStatePath, test, waitForHydration } from "./fixtures";

// A tablet at the door whose camera Chromium fakes (a test pattern), answering its permission prompt itself.
test.use({
  viewport: { width: 1024, height: 768 },
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
  },
});

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, storageState: storageStatePath("staff"), permissions: ["camera"] });
  return context.newPage();
}

/** The upcoming demo meeting's id, and a new registration for it with its check-in code as the Registrations tab shows it. */
async function registerAtDesk(page: Page, name: string): Promise<{ eventId: string; code: string }> {
  const eventId = await eventIdByTitle(page, UPCOMING_TITLE);
  return { eventId, code: await addRegistration(page, eventId, name, "scan") };
}

test("a QR code held up to the tablet's camera checks the person in", async ({ browser }) => {
  test.slow();
  const page = await staffPage(browser);
  try {
    const name = `Sam Scanned ${Date.now()}`;
    const { eventId, code } = await registerAtDesk(page, name);
    // Chromium on Linux has no BarcodeDetector: this stand-in reads the confirmation's QR code, once, from
    // the camera's preview, as the browser's own would.
    await page.addInitScript((scanned: string) => {
      let shown = false;
      class StandInDetector {
        static async getSupportedFormats() {
          return ["qr_code"];
        }
        async detect(source: HTMLVideoElement) {
          if (shown || !(source.srcObject instanceof MediaStream)) return [];
          shown = true;
          return [{ rawValue: scanned.replace("-", ""), format: "qr_code" }];
        }
      }
      Object.assign(window, { BarcodeDetector: StandInDetector });
    }, code);
    await page.goto(`/admin/events/${eventId}/check-in`);
    const start = page.getByRole("button", { name: "Start camera" });
    await waitForHydration(start);
    await start.click();
    await expect(page.getByRole("button", { name: "Stop camera" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: `Checked in: ${name}` })).toBeVisible();

    const search = page.getByLabel("Search by name, email or code");
    await search.fill(name);
    await expect(page.getByRole("button", { name: `Undo check-in of ${name}` })).toBeVisible();
    await page.getByRole("button", { name: "Stop camera" }).click();
    await expect(page.getByRole("button", { name: "Start camera" })).toBeVisible();
  } finally {
    await page.context().close();
  }
});

test("without a BarcodeDetector the door says so and offers typing the code", async ({ browser }) => {
  const page = await staffPage(browser);
  try {
    await page.addInitScript(() => {
      delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    await page.goto("/admin/events");
    const href = (await page.getByRole("link", { name: UPCOMING_TITLE }).first().getAttribute("href")) ?? "";
    await page.goto(`${href}/check-in`);
    const search = page.getByLabel("Search by name, email or code");
    await waitForHydration(search);
    await expect(page.getByText("No camera scanning in this browser: type the code.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start camera" })).toHaveCount(0);
    await expect(search).toBeFocused();

    // The printed papers are offered beside the board.
    const papers = page.getByRole("navigation", { name: "Print for the door" });
    const badges = await page.request.get((await papers.getByRole("link", { name: "Badges, 8 to an A4 sheet" }).getAttribute("href"))!);
    expect(badges.headers()["content-type"]).toBe("application/pdf");
    expect((await badges.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const list = await page.request.get((await papers.getByRole("link", { name: "Attendee list to tick" }).getAttribute("href"))!);
    expect(list.headers()["content-type"]).toBe("application/pdf");
  } finally {
    await page.context().close();
  }
});
