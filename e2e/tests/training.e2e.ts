import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { DESKTOP, PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, openOptions, settled } from '../portal-actions';
import { openMenu } from '../review-actions';
import { chinaDay } from '../../server/src/platform/clock';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

const HELD = '心肺复苏技能培训';
const NEW_PLAN = '新入职护士规范化培训';
const daysFromToday = (days: number) => chinaDay(new Date(Date.now() + days * 86_400_000));

/** The demo professional's employer, whose super admin the demo's training plans belong to. */
const employerAdminId = async () => {
  const professional = demoLogin(harness, '专业技术人员');
  const row = await harness.db
    .selectFrom('account as pa')
    .innerJoin('person as pp', 'pp.id', 'pa.personId')
    .innerJoin('account as aa', (join) => join.onRef('aa.orgId', '=', 'pa.orgId').on('aa.isSuperAdmin', '=', true))
    .innerJoin('person as ap', 'ap.id', 'aa.personId')
    .select('ap.idNumber')
    .where('pp.idNumber', '=', professional.idNumber)
    .where('pa.kind', '=', 'professional')
    .executeTakeFirstOrThrow();
  return row.idNumber;
};

const planRow = (title: string) => page.locator('.training-plans .ant-table-row', { hasText: title });

test('an employer sees its plans, files a new one, and is told which attendees were already claimed under the held one', () =>
  run('training-plans', async () => {
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: await employerAdminId(), password: DEMO_PASSWORD });
    await openMenu(page, '学时(分)审核', '单位培训计划');
    await planRow(HELD).getByText('审核通过').waitFor();
    await planRow(HELD).getByText('3 人').waitFor();
    await planRow('医疗质量与安全管理培训').getByText('审核通过后可申报').waitFor();
    await page.locator('.review-progress').getByText('单位培训：心肺复苏技能培训（3人，每人8学时）').waitFor();
    await screenshot(page, 'training-plans.png');

    await button(page, '新增培训计划').click();
    const drawer = page.locator('.training-plan-form');
    await settled(drawer.getByLabel('培训主题'));
    await drawer.getByLabel('培训主题').fill(NEW_PLAN);
    const range = drawer.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill(daysFromToday(14));
    await range.first().press('Enter');
    await range.nth(1).fill(daysFromToday(15));
    await range.nth(1).press('Enter');
    await drawer.getByLabel('培训地点').fill('护理部培训室');
    await drawer.getByLabel('每人学时').fill('16');
    await drawer.getByLabel('预计人数').fill('25');
    await drawer.getByText('请填写预计人数').waitFor({ state: 'detached' });
    await screenshot(page, 'training-plan-form.png');
    await button(drawer, '提交审核').click();
    await page.locator('.ant-message', { hasText: '培训计划已提交' }).waitFor();
    await planRow(NEW_PLAN).getByText('待审核').waitFor();

    await button(planRow(HELD), '学时申报').click();
    const claim = page.locator('.unit-claim-form');
    await claim.getByText('培训计划').first().waitFor();
    // One of the people the held plan's claim already lists.
    const claimed = await harness.db
      .selectFrom('requestParticipant as rp')
      .innerJoin('request as r', 'r.id', 'rp.requestId')
      .innerJoin('person as p', 'p.id', 'rp.personId')
      .select('p.name')
      .where('r.title', 'like', `%${HELD}%`)
      .orderBy('p.name')
      .executeTakeFirstOrThrow();
    const options = (await openOptions(claim.getByLabel('参训人员'))).locator('.ant-select-item-option');
    await options.filter({ hasText: claimed.name }).first().click();
    await page.keyboard.press('Escape');
    await claim
      .locator('input[type=file]')
      .setInputFiles({ name: '签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await claim.locator('.attachment-list li', { hasText: '签到表.pdf' }).waitFor();
    await button(claim, '提交申报').click();
    await claim.locator('.ant-alert', { hasText: '已在本培训计划的学时申报中，请勿重复申报' }).waitFor();
    await screenshot(page, 'training-claim-refused.png');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));

    await page.setViewportSize(PHONE);
    await settled(page.locator('.training-plans'));
    assert.ok(await fitsWidth(page), 'the plans page fits a 390 px screen (the table scrolls inside)');
    await screenshot(page, 'training-plans-phone.png');
    await page.setViewportSize(DESKTOP);
    await logout(page);
  }));
