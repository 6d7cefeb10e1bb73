import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { DESKTOP, PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, openOptions, pickFrom, settled } from '../portal-actions';
import { approveInQueue, openMenu, queueIdle, queueRow } from '../review-actions';
import { sql } from 'kysely';
import { chinaDay } from '../../server/src/platform/clock';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

/** A day in China, `back` days before today: the claim ends today, so its year is always open. */
const daysAgo = (back: number) => chinaDay(new Date(Date.now() - back * 86_400_000));

const TITLE = '全国康复医学学术会议';
const EVIDENCE = '康复医学会议参会证明.pdf';
const evidencePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Opens the row's 详情 drawer and waits for its history to show. */
const openDetails = async (text: string) => {
  await button(queueRow(page, text), '详情').click();
  const drawer = page.locator('.review-detail');
  await settled(drawer.getByText('审核记录'));
  return drawer;
};

/** Picks a select's option once its list has stopped zooming in (a click mid-animation can land on another). */
const pick = async (scope: Page | Locator, label: string, option: string) => {
  await pickFrom(scope.getByLabel(label, { exact: true }), option);
  await scope
    .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-select', { hasText: option })
    .waitFor();
};

const typeDate = async (label: string, day: string) => {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
};

/** The year's specialized hours as the 已计入的学时 card shows them. */
const specializedHours = async (year: string) => {
  const row = page.locator('.claims-hours .ant-table-row', { hasText: year });
  await row.waitFor();
  return Number((await row.locator('td').nth(2).innerText()).trim());
};

test('a professional claims a 3-day national conference with a paper (24 hours shown first); employer, authority and bureau approve; the year’s hours rise', () =>
  run('claims-chain', async () => {
    const professional = demoLogin(harness, '专业技术人员');
    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: professional.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('学时(分)申报', { exact: true }).click();
    const form = page.locator('.claims-form');
    await form.waitFor();
    const year = daysAgo(0).slice(0, 4);
    const before = await specializedHours(year);

    await pick(form, '学习形式', '学术会议');
    await form.getByText('【人社厅文件】参加国家部委举办的学术活动').waitFor();
    await form.getByLabel('学习内容').fill(TITLE);
    await typeDate('开始时间', daysAgo(2));
    await typeDate('结束时间', daysAgo(0));
    await pick(form, '会议级别', '国家部委举办');
    await form.getByLabel('主办单位').fill('中国康复医学会');
    await form.getByLabel('参会天数').fill('3');
    await pick(form, '是否宣读、报告论文', '是');
    await form.locator('input[type=file]').setInputFiles({ name: EVIDENCE, mimeType: 'application/pdf', buffer: evidencePdf });
    await form.locator('.attachment-list li', { hasText: EVIDENCE }).waitFor();
    const quote = page.getByTestId('hours-quote');
    await quote.getByText('可计 24 学时').waitFor();
    await quote.getByText('学术会议：国家部委举办 3天 × 6 + 宣读、报告论文 6 = 24学时').waitFor();
    await screenshot(page, 'claim-form.png');
    await page.setViewportSize(PHONE);
    await settled(quote);
    assert.ok(await fitsWidth(page), 'the claim form fits a 390 px screen');
    await screenshot(page, 'claim-form-phone.png');
    await page.setViewportSize(DESKTOP);

    await button(form, '提交申报').click();
    await page.locator('.ant-message', { hasText: '已提交，待单位审核' }).waitFor();
    await logout(page);

    const claim = await harness.db
      .selectFrom('request')
      .select('id')
      .where('kind', '=', 'claim.hours')
      .where('title', 'like', `%${TITLE}%`)
      .executeTakeFirstOrThrow();
    const reviewers = await harness.db
      .selectFrom('requestStep as s')
      .innerJoin('org as o', 'o.id', 's.reviewerOrgId')
      .innerJoin('account as a', (join) => join.onRef('a.orgId', '=', 'o.id').on('a.isSuperAdmin', '=', true))
      .innerJoin('person as p', 'p.id', 'a.personId')
      .select(['o.name', 'o.kind', 'p.idNumber'])
      .where('s.requestId', '=', claim.id)
      .orderBy('s.stepNo')
      .execute();
    assert.deepEqual(
      reviewers.map((r) => r.kind),
      ['employer', 'authority', 'hrBureau'],
      'employer -> authority -> bureau',
    );
    // Each level's demo super admin (every demo account has the demo password).
    const steps = [
      { role: '用人单位', group: '学时(分)审核', leaf: '学时审核' },
      { role: '主管部门', group: '学时(分)审核', leaf: '学时审核' },
      { role: '人社部门', group: '学时学分审批', leaf: '学时学分审批' },
    ];
    for (const [i, step] of steps.entries()) {
      await loginThroughPortal(page, harness, { role: step.role, idNumber: reviewers[i]!.idNumber, password: DEMO_PASSWORD });
      await openMenu(page, step.group, step.leaf);
      await queueRow(page, TITLE).waitFor();
      if (i === 0) {
        await queueIdle(page);
        await screenshot(page, 'claim-queue-employer.png');
        const years = await openOptions(page.locator('.review-queue__filters').getByLabel('年度'));
        await years.locator('.ant-select-item-option', { hasText: `${year}年（待审核 2）` }).waitFor();
        await screenshot(page, 'claim-queue-years.png');
        await page.keyboard.press('Escape');
      }
      if (i === 2) {
        const drawer = await openDetails(TITLE);
        const link = drawer.getByRole('link', { name: EVIDENCE });
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), EVIDENCE, 'the bureau downloads the evidence');
        await screenshot(page, 'claim-detail-bureau.png');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));
      }
      await approveInQueue(page, TITLE);
      await logout(page);
    }

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: professional.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('学时(分)申报', { exact: true }).click();
    await page
      .locator('.claims-hours .ant-table-row', { hasText: year })
      .locator('td')
      .nth(2)
      .filter({ hasText: String(before + 24) })
      .waitFor();
    assert.equal(await specializedHours(year), before + 24, 'the approved 24 hours count in the year');
    await screenshot(page, 'claim-hours.png');
    await logout(page);

    // 审验不通过: the bureau finds the evidence does not hold and takes its approval back; the hours go with it.
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: reviewers[2]!.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '学时学分审批', '学时学分审批');
    await page.locator('.review-queue .ant-tabs-tab', { hasText: '已审核' }).click();
    await queueRow(page, TITLE).waitFor();
    const drawer = await openDetails(TITLE);
    await button(drawer, '审验不通过').click();
    const dialog = page.locator('.ant-modal:visible', { hasText: '撤销原因' });
    await dialog.getByLabel('撤销原因').fill('参会证明与会议通知不符');
    await settled(dialog);
    await screenshot(page, 'claim-revoke.png');
    await button(dialog, '确认审验不通过').click();
    await page.locator('.ant-message', { hasText: '已处理：审核不通过' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));
    // 单位申报记录: the bureau finds it among the claims under it that did not pass.
    await openMenu(page, '学时学分审批', '单位申报记录');
    await page.locator('.claim-records .ant-tabs-tab', { hasText: '审核不通过' }).click();
    await page.locator('.claim-records .ant-table-row', { hasText: TITLE }).getByText('审核不通过').waitFor();
    await queueIdle(page);
    await settled(page.locator('.claim-records .ant-tabs-ink-bar'));
    await screenshot(page, 'claim-records.png');
    await logout(page);
    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: professional.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('学时(分)申报', { exact: true }).click();
    await page
      .locator('.claims-hours .ant-table-row', { hasText: year })
      .locator('td')
      .nth(2)
      .filter({ hasText: String(before) })
      .waitFor();
    assert.equal(await specializedHours(year), before, 'the revoked 24 hours no longer count');
    await logout(page);
  }));

/** A professional in the county bureau's scope with no claims yet (theirs or filed for them). */
const professionalInScope = async (bureauIdNumber: string) =>
  harness.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .innerJoin('account as ba', (join) => join.on('ba.kind', '=', 'admin'))
    .innerJoin('person as bp', 'bp.id', 'ba.personId')
    .innerJoin('org as b', 'b.id', 'ba.orgId')
    .select(['p.idNumber', 'p.name', 'o.name as employer'])
    .where('bp.idNumber', '=', bureauIdNumber)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .whereRef('o.path', 'like', sql<string>`b.path || '%'`)
    .where('p.id', 'not in', (eb) => eb.selectFrom('request').select('applicantPersonId').where('kind', 'like', 'claim.%'))
    .where('p.id', 'not in', (eb) => eb.selectFrom('requestParticipant').select('personId'))
    .executeTakeFirstOrThrow();

test('a county bureau files hours for a professional in its scope (学时学分申报), who sees who filed them', () =>
  run('claims-for-person', async () => {
    const bureau = demoLogin(harness, '区县人社局管理员');
    const person = await professionalInScope(bureau.idNumber);
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: bureau.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '学时学分审批', '学时学分申报');
    const finder = page.locator('.claims-for-person__finder');
    await finder.getByLabel('身份证号').fill(person.idNumber);
    await finder.getByLabel('姓名').fill(`${person.name}甲`);
    await button(finder, '核对人员').click();
    await finder.getByText('未找到姓名与身份证号相符').waitFor();
    await finder.getByLabel('姓名').fill(person.name);
    await button(finder, '核对人员').click();
    await page.locator('.claims-for-person__claimant').getByText(person.employer).waitFor();

    const form = page.locator('.claims-form');
    await pick(form, '学习形式', '学术会议');
    await form.getByLabel('学习内容').fill('全省护理质量学术会议');
    await typeDate('开始时间', daysAgo(0));
    await typeDate('结束时间', daysAgo(0));
    await pick(form, '会议级别', '国家部委举办');
    await form.getByLabel('主办单位').fill('中华护理学会');
    await form.getByLabel('参会天数').fill('1');
    await pick(form, '是否宣读、报告论文', '否');
    await form.locator('input[type=file]').setInputFiles({ name: '参会证明.pdf', mimeType: 'application/pdf', buffer: evidencePdf });
    await form.locator('.attachment-list li', { hasText: '参会证明.pdf' }).waitFor();
    await page.getByTestId('hours-quote').getByText('可计 6 学时').waitFor();
    await screenshot(page, 'claim-for-person.png');
    await button(form, '提交申报').click();
    await page.locator('.ant-message', { hasText: '已提交' }).waitFor();
    await page.locator('.review-progress').getByText('全省护理质量学术会议').waitFor();
    await logout(page);

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: person.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('申报进度查询', { exact: true }).click();
    const card = page.locator('.review-progress__item', { hasText: '全省护理质量学术会议' });
    await card.getByText(/由.+人力资源和社会保障局代为申报/).waitFor();
    assert.equal(await card.getByText('撤回申请').count(), 0, 'the person follows it; the bureau withdraws it');
    await logout(page);
  }));
