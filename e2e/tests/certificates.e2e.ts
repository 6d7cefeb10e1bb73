import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { DESKTOP, PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, pickFrom, settled } from '../portal-actions';
import { openMenu } from '../review-actions';
import { chinaDay } from '../../server/src/platform/clock';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

const thisYear = Number(chinaDay(new Date()).slice(0, 4));
const yearRow = (year: number) => page.locator('.completion-page .ant-table-row', { hasText: String(year) }).first();

/** Clicks `trigger`, then 下载 PDF in the dialog that offers the certificate; saves it under e2e/artifacts, returns its name. */
const downloadOf = async (trigger: () => Promise<void>, saveAs: string) => {
  await trigger();
  const dialog = page.locator('.certificate-printed:visible');
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

    const merge = page.locator('.completion-page__merge:not(.completion-page__statement)');
    for (const [label, year] of [
      ['起始年度', thisYear - 2],
      ['结束年度', thisYear - 1],
    ] as const) {
      await pickFrom(merge.getByLabel(label), `${year}年`);
    }
    const merged = await downloadOf(() => button(merge, '合并打印证书').click(), 'certificate-merged.pdf');
    assert.match(merged, new RegExp(`^继续教育证书_${thisYear - 2}-${thisYear - 1}_`));

    // 学时折算申请 (Henan's prorated cases): the form opens with the profile's cases.
    await button(page, '学时折算申请').click();
    const proration = page.locator('.proration-form');
    await settled(proration.getByText('年度内实际在岗月数'));
    await screenshot(page, 'proration-form.png');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));

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

test('the province bureau prints a professional’s certificate and 学时证明, looks a serial up in full, and sees the learning platforms', () =>
  run('certificates-bureau', async () => {
    const professional = demoLogin(harness, '专业技术人员');
    const province = demoLogin(harness, '省人社厅管理员');
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: province.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '查询统计', '电子证书查询打印');
    const form = page.locator('.certificate-print-page__form');
    await form.getByPlaceholder('18位身份证号，或完整姓名').fill(professional.idNumber);
    await button(form, '查询').click();
    const row = page.locator('.certificate-print-page .ant-table-row').first();
    await row.getByText('通过', { exact: true }).waitFor();
    assert.equal(await page.getByText(professional.idNumber).count(), 0, 'the list masks the ID number');
    await screenshot(page, 'certificate-print-bureau.png');
    const certificate = await downloadOf(() => button(row, '打印证书').click(), 'certificate-by-bureau.pdf');
    assert.match(certificate, new RegExp(`^继续教育证书_${thisYear - 1}_`));
    const statement = await downloadOf(() => button(row, '学时证明').click(), 'hours-statement-by-bureau.pdf');
    assert.match(statement, new RegExp(`^学时证明_${thisYear - 1}_`));

    await openMenu(page, '查询统计', '学习记录验证');
    const serial = /_(\d{6}[0-9A-Z]{10})\.pdf$/.exec(certificate)![1]!;
    await page.locator('.verify-page__form input').fill(serial);
    await button(page.locator('.verify-page__form'), '查询').click();
    const details = page.locator('.verify-page__result');
    await details.getByText('证书有效').waitFor();
    await details.getByText('工作单位').waitFor();
    await screenshot(page, 'certificate-details-bureau.png');

    await openMenu(page, '学时对接', '学习平台对接');
    const source = page.locator('.ant-table-row', { hasText: '专业技术人员网络学习平台（演示）' });
    await source.getByText('启用').waitFor();
    await button(source, '1 条').click();
    const refusals = page.locator('.sync-refusals');
    await refusals.getByText(/未找到该人员/).waitFor();
    await screenshot(page, 'hours-sync-refusals.png');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));
    await button(page, '登记学习平台').click();
    const drawer = page.locator('.sync-register');
    await drawer.getByLabel('学习平台名称').fill('浏览器测试学习平台');
    await button(drawer, '登记并生成密钥').click();
    const key = page.getByTestId('sync-api-key');
    await key.waitFor();
    assert.match((await key.innerText()).trim(), /^cep_sync_[\w-]{43}$/);
    await screenshot(page, 'hours-sync-key.png');
    await button(page, '我已妥善保存').click();
    await key.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row', { hasText: '浏览器测试学习平台' }).waitFor();
    await screenshot(page, 'hours-sync-sources.png');
  }));
