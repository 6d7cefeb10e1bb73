import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { DESKTOP, launchBrowser, withPage } from './browser';

/**
 * One test file's server (its own PostgreSQL with the demo) and Chromium, started before its tests and closed after;
 * returns `run`, which gives each test a fresh page at desktop size. The file keeps `harness` and `page` through
 * the two setters, so its helpers can use them.
 */
export const browserSuite = (bind: { harness: (h: Harness) => void; page: (p: Page) => void }) => {
  let harness: Harness | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  before(async () => {
    harness = await startHarness();
    bind.harness(harness);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });
  return (name: string, body: () => Promise<void>) =>
    withPage(browser!.context, name, async (p) => {
      bind.page(p);
      await p.setViewportSize(DESKTOP);
      await body();
    });
};
