import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { DESKTOP, PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, settled } from '../portal-actions';
import { chinaDay } from '../../server/src/platform/clock';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

const thisYear = Number(chinaDay(new Date()).slice(0, 4));
const yearRow = (year: number) => page.locator('.completion-page .ant-table-row', { hasText: String(year) }).first();

/** Clicks `trigger`, then 下载 PDF in the dialog that offers the certificate; saves it under e2e/artifacts, returns its name. */
const downloadOf = async (trigger: () => Promise<void>, saveAs: string) => {
  await trigger();
  const dialog = page.locator('.certificate-printed');
  await settled(dialog.getByText('下载 PDF'));
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByText('下载 PDF').click()]);
  await download.saveAs(path.join('e2e', 'artifacts', saveAs));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return download.suggestedFilename();
};

test('a professional sees passed years, prints one, merges two, and the QR’s page verifies it; phone width', () =>
  run('certificates', async () => {
    const professional = demoLogin(harness, '专业技术人员');
    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: professional.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('年度完成情况', { exact: true }).click();
    await yearRow(thisYear - 1)
      .getByText('通过', { exact: true })
      .waitFor();
    await yearRow(thisYear - 2)
      .getByText('通过', { exact: true })
      .waitFor();
    await yearRow(thisYear).getByText(/还差/).waitFor();
    await screenshot(page, 'completion.png');

    const single = await downloadOf(() => button(yearRow(thisYear - 1), '打印证书').click(), 'certificate-single.pdf');
    assert.match(single, new RegExp(`^继续教育证书_${thisYear - 1}_\\d{6}[0-9A-Z]{10}\\.pdf$`));

    const merge = page.locator('.completion-page__merge');
    for (const [label, year] of [
      ['起始年度', thisYear - 2],
      ['结束年度', thisYear - 1],
    ] as const) {
      await merge.getByLabel(label).click();
      const list = page.locator('.ant-select-dropdown:visible');
      await settled(list);
      await list.locator('.ant-select-item-option', { hasText: `${year}年` }).click();
      // The list slides away before the next one opens: two open at once would be ambiguous.
      await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
    }
    const merged = await downloadOf(() => button(merge, '合并打印证书').click(), 'certificate-merged.pdf');
    assert.match(merged, new RegExp(`^继续教育证书_${thisYear - 2}-${thisYear - 1}_`));

    await page.setViewportSize(PHONE);
    await settled(page.locator('.completion-page'));
    assert.ok(await fitsWidth(page), 'the completion page fits a 390 px screen');
    await screenshot(page, 'completion-phone.png');
    await page.setViewportSize(DESKTOP);
    await logout(page);

    // The QR code's URL, opened by anyone: the page verifies the serial the PDF was named with.
    const serial = /_(\d{6}[0-9A-Z]{10})\.pdf$/.exec(single)![1]!;
    await page.goto(`${harness.baseUrl}/verify?serial=${serial}`);
    const result = page.locator('.verify-page__result');
    await result.getByText('证书有效').waitFor();
    await result.getByText(String(thisYear - 1), { exact: true }).waitFor();
    assert.equal(await result.getByText(professional.idNumber).count(), 0, 'the full ID number is never shown');
    await screenshot(page, 'verify.png');
    await page.setViewportSize(PHONE);
    await settled(result);
    assert.ok(await fitsWidth(page), 'the verification page fits a 390 px screen');
    await screenshot(page, 'verify-phone.png');
  }));
