import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Db } from '../server/src/platform/db/database';
import { artifactsDir } from './harness';

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, launched the way STACK.md's browser-test row says (no --user-data-dir: playwright refuses it). */
export const launchBrowser = async (): Promise<{ context: BrowserContext; close: () => Promise<void> }> => {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cep-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Every test page counts as visible: a throttled background page stalls antd's open/close animations.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
    viewport: DESKTOP,
    locale: 'zh-CN',
    // The platform's people are in China: their browsers' "today" is China's, whatever the test machine's zone
    // (between 16:00 and 24:00 UTC the two differ by a day).
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

/** True once the page has no horizontal overflow; waits a moment, since a resize re-lays the page out. */
export const fitsWidth = (page: Page) =>
  page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, undefined, { timeout: 3_000 })
    .then(
      () => true,
      () => false,
    );

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true });
};

/**
 * Solves the slider on the page like a person would: reads where the gap is (the server keeps it in
 * the `captcha` row of the challenge the page shows) and drags the handle there in small, timed steps.
 */
export const solveSlider = async (page: Page, db: Db, scope: Page | Locator = page) => {
  const box = scope.locator('.slider-captcha[data-captcha-id][data-status="idle"]');
  await box.waitFor();
  await box.scrollIntoViewIfNeeded();
  const captchaId = (await box.getAttribute('data-captcha-id')) ?? '';
  const width = Number(await box.getAttribute('data-width'));
  const row = await db.selectFrom('captcha').select('targetX').where('id', '=', captchaId).executeTakeFirstOrThrow();
  await box.locator('.slider-captcha__background').evaluate((img: HTMLImageElement) => img.decode().catch(() => {}));
  const handle = await box.getByRole('slider', { name: '滑动完成验证' }).boundingBox();
  const track = await box.locator('.slider-captcha__track').boundingBox();
  if (!handle || !track) throw new Error('slider not visible');
  const distance = (row.targetX * track.width) / width;
  const [startX, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
  await page.mouse.move(startX, y);
  await page.mouse.down();
  const steps = 14;
  for (let i = 1; i <= steps; i++) {
    const eased = 1 - (1 - i / steps) ** 2;
    await page.mouse.move(startX + distance * eased, y + (i % 3) - 1);
    await page.waitForTimeout(25);
  }
  await page.mouse.up();
  await scope.locator('.slider-captcha[data-status="passed"]').waitFor();
};

/** Waits until the element's CSS transitions and animations (and its children's) have finished. */
export const animationsDone = (locator: Locator) =>
  locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => {})))).then(() => {});

/** Runs a test body on a fresh page; on failure the page is saved as failure-<name>.png for a look. */
export const withPage = async (context: BrowserContext, name: string, body: (page: Page) => Promise<void>) => {
  const page = await context.newPage();
  try {
    await body(page);
  } catch (error) {
    await screenshot(page, `failure-${name}.png`).catch(() => {});
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
};
