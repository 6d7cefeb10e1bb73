import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { PHONE, animationsDone, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, pickFrom } from '../portal-actions';
import { openMenu } from '../review-actions';
import { demoIdNumber } from '../../server/src/demo/demo-ids';
import { importHeader, importWorkbook, type ImportRowInput } from '../../server/src/modules/people/people-import.test-support';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

/** What a download link gives, as a file on disk read back. */
const download = async (click: () => Promise<void>) => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
};

const rowsOf = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets[0]!;
};

test('批量导入: template download, a 2,000-row upload with its progress, the failure workbook, the record after a reload, phone width', () =>
  run('people-import', async () => {
    const employer = demoLogin(harness, '用人单位管理员');
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employer.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('批量导入', { exact: true }).click();
    await page.locator('.ant-card-head-title', { hasText: '批量导入专业技术人员' }).waitFor();

    const template = await download(() => page.getByRole('link', { name: /下载导入模板/ }).click());
    assert.equal(template.name, '专业技术人员批量导入模板.xlsx');
    const header = (await rowsOf(template.bytes)).getRow(1).values as string[];
    assert.deepEqual(header.slice(1), importHeader);

    const rows: ImportRowInput[] = Array.from({ length: 2000 }, (_, i) => ({
      name: `批量${String.fromCharCode(0x4e00 + (i % 300))}${String.fromCharCode(0x4e00 + Math.floor(i / 300))}`,
      idNumber: demoIdNumber('410105', `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, 900 + Math.floor(i / 250)),
      major: '临床医学',
      titleSeries: '卫生技术',
      titleLevel: '初级',
      titleObtainedOn: '2021-07-01',
    }));
    rows[5]!.phone = '12345';
    rows[9]!.titleSeries = '炼丹';
    rows[12]!.idNumber = rows[3]!.idNumber;
    const file = await importWorkbook(rows);

    await pickFrom(page.locator('.people-import__form .ant-select'), employer.org);
    await page.locator('.people-import input[type=file]').setInputFiles({
      name: '新进人员.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.locator('.ant-upload-list-item', { hasText: '新进人员.xlsx' }).waitFor();
    await button(page, '开始导入').click();
    await page.getByText('文件已上传，正在后台导入').waitFor();
    const record = page.locator('.people-import .ant-table-row', { hasText: '新进人员.xlsx' });
    await record.waitFor();
    await screenshot(page, 'import-started.png');
    await record.getByText('已完成').waitFor();
    await record.getByText('2,000 / 2,000 行').waitFor();
    assert.equal(await record.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
    assert.equal((await record.locator('td').nth(3).innerText()).replace(/\s/g, ''), '1997/3');
    await screenshot(page, 'import-done.png');

    const failures = await download(() => record.getByRole('link', { name: /下载失败数据/ }).click());
    assert.equal(failures.name, '新进人员-失败数据.xlsx');
    const sheet = await rowsOf(failures.bytes);
    const reasons: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) reasons.push(String(row.getCell(importHeader.length + 1).value));
    });
    assert.deepEqual(reasons, ['手机号应为11位数字', '职称系列“炼丹”不在可选列表中，请从下拉列表选择', '与第5行的身份证号重复']);

    // The record and its figures are the server's: a reload shows them again.
    await page.reload();
    await page.locator('.people-import .ant-table-row', { hasText: '新进人员.xlsx' }).getByText('已完成').waitFor();
    await page.setViewportSize(PHONE);
    await page.locator('.people-import .ant-table-row', { hasText: '新进人员.xlsx' }).waitFor();
    assert.ok(await fitsWidth(page), 'the import page fits a 390 px screen');
    await screenshot(page, 'import-phone.png');

    // The people are the employer's now, listed in 专技人员信息查询.
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, '查询统计', '专技人员信息查询');
    await page.getByPlaceholder('姓名或身份证号').fill(String(rows[0]!.name));
    await page.getByPlaceholder('姓名或身份证号').press('Enter');
    const row = page.locator('.people-query .ant-table-row', { hasText: String(rows[0]!.name) });
    await row.waitFor();
    // 详情: masked, on the initial password until the person changes it, with its years.
    await row.getByRole('button', { name: String(rows[0]!.name) }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('初始或临时密码，尚未修改').waitFor();
    await drawer.locator('.ant-table-row').first().waitFor();
    assert.ok(!(await drawer.innerText()).includes(String(rows[0]!.idNumber)), 'the ID number is masked');
    await animationsDone(drawer);
    await screenshot(page, 'person-details.png');
  }));
