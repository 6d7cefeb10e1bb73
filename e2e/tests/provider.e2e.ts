import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { DESKTOP, PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, pickFrom, settled } from '../portal-actions';
import { approveInQueue, openMenu, queueIdle, queueRow } from '../review-actions';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

const HELD = '专业技术人员职业道德与诚信建设';
const CLAIM_TITLE = `代申报：${HELD}（1人，每人6学时）`;

/** A demo professional the provider's demo claim does not name yet: the participant this test adds. */
const newParticipant = async () =>
  harness.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['p.idNumber', 'p.name'])
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    // Signs in with the demo password (the nurses 批量导入 brought in still have their initial one).
    .where('p.mustChangePassword', '=', false)
    .where('p.id', 'not in', (eb) => eb.selectFrom('requestParticipant').select('personId'))
    .orderBy('a.createdAt', 'desc')
    .executeTakeFirstOrThrow();

const planRow = (title: string) => page.locator('.training-plans .ant-table-row', { hasText: title });

test('a provider checks a roster line by line and files it; the bureau approves; the participant sees who filed it', () =>
  run('provider-proxy-claim', async () => {
    const person = await newParticipant();
    const provider = demoLogin(harness, '继续教育机构管理员');
    await loginThroughPortal(page, harness, { role: '继续教育机构', idNumber: provider.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '培训管理', '培训计划申报');
    await planRow(HELD).getByText('审核通过').waitFor();
    await planRow('数字技术与人工智能应用').getByText('待审核').waitFor();
    await screenshot(page, 'provider-plans.png');

    await openMenu(page, '培训管理', '代申报学时');
    await planRow(HELD).getByText('3 人').waitFor();
    await button(planRow(HELD), '代申报学时').click();
    const drawer = page.locator('.proxy-claim-form');
    const roster = drawer.getByLabel('参训人员名单');
    await settled(roster);
    await roster.fill(`${person.idNumber} 张冠李戴`);
    await button(drawer, '核对名单').click();
    await drawer.locator('.proxy-claim__roster').getByText('未找到姓名与身份证号相符').waitFor();
    assert.ok(await button(drawer, '核对无误后提交').isDisabled(), 'a roster with a wrong line is not filed');
    await roster.fill(`${person.idNumber}\t${person.name}`);
    await button(drawer, '核对名单').click();
    await drawer.getByText('共 1 人，均已核对无误').waitFor();
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '职业道德培训签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await drawer.locator('.attachment-list li', { hasText: '职业道德培训签到表.pdf' }).waitFor();
    await screenshot(page, 'provider-proxy-claim.png');
    await page.setViewportSize(PHONE);
    await settled(drawer.getByLabel('参训人员名单'));
    await screenshot(page, 'provider-proxy-claim-phone.png');
    await page.setViewportSize(DESKTOP);
    await button(drawer, '提交申报').click();
    await page.locator('.ant-message', { hasText: '已提交，待人社部门审批' }).waitFor();
    await page.locator('.review-progress').getByText(CLAIM_TITLE).waitFor();

    await openMenu(page, '培训管理', '年度报告');
    await page.locator('.review-progress').getByText('年度报告').first().waitFor();
    await page.getByText('平台记录（').waitFor();
    await screenshot(page, 'provider-annual-report.png');
    await page.setViewportSize(PHONE);
    await settled(page.locator('.annual-report'));
    assert.ok(await fitsWidth(page), 'the report page fits a 390 px screen');
    await page.setViewportSize(DESKTOP);
    await logout(page);

    const bureau = demoLogin(harness, '市人社局管理员');
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: bureau.idNumber, password: DEMO_PASSWORD });
    const todo = page.locator('.workspace-home__todo');
    await todo.getByText('审核继续教育基地年度报告').waitFor();
    await todo.locator('.workspace-home__link', { hasText: '学时学分审批' }).locator('.ant-badge').waitFor();
    await screenshot(page, 'bureau-home-todo.png');
    await openMenu(page, '审核账户', '审核继续教育基地年度报告');
    await queueRow(page, '年度报告').waitFor();
    await queueIdle(page);
    await screenshot(page, 'bureau-annual-reports.png');
    await openMenu(page, '学时学分审批', '学时学分审批');
    const filters = page.locator('.review-queue__filters');
    await pickFrom(filters.getByLabel('申请类型'), '继续教育机构代申报学时（待审核 2）');
    await button(filters, '查询').click();
    await queueRow(page, CLAIM_TITLE).waitFor();
    await queueIdle(page);
    await screenshot(page, 'bureau-proxy-claims.png');
    await approveInQueue(page, CLAIM_TITLE);
    await logout(page);

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: person.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('申报进度查询', { exact: true }).click();
    const card = page.locator('.review-progress__item', { hasText: CLAIM_TITLE });
    await card.getByText('审核通过').waitFor();
    await card.getByText(/由.+代为申报；如需撤回，请联系该单位/).waitFor();
    assert.equal(await card.getByText('撤回申请').count(), 0, 'the participant cannot withdraw it');
    await screenshot(page, 'provider-claim-followed.png');
    await logout(page);
  }));
