import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { DEMO_PASSWORD, demoLogin, type Harness } from '../harness';
import { browserSuite } from '../suite';
import { PHONE, fitsWidth, screenshot } from '../browser';
import { button, loginThroughPortal, logout, pickFrom, settled } from '../portal-actions';
import { pickOption } from '../registration-actions';
import { approveInQueue, openMenu, queueIdle, queueRow } from '../review-actions';
import { creditHours } from '../../server/src/modules/claims';
import { chinaDay } from '../../server/src/platform/clock';
import { samplePng } from '../../server/src/test/uploads';

let harness: Harness;
let page: Page;
const run = browserSuite({ harness: (h) => (harness = h), page: (p) => (page = p) });

const SCHOOL = '郑州市第一中学';
const thisYear = Number(chinaDay(new Date()).slice(0, 4));

/** A professional of the demo hospital other than the printed one, with nothing open, and 30 public hours this year. */
const hospitalColleague = async (hospital: string, except: string) => {
  const row = await sql<{ personId: string; idNumber: string; name: string }>`
    select p.id as "personId", p.id_number as "idNumber", p.name from account a
      join person p on p.id = a.person_id join org o on o.id = a.org_id
    where o.name = ${hospital} and a.kind = 'professional' and a.status = 'active' and p.id_number <> ${except}
      and not exists (select 1 from request r where r.applicant_person_id = p.id and r.status in ('pending', 'inReview'))
    order by p.id_number limit 1`.execute(harness.db);
  const person = row.rows[0]!;
  await creditHours(
    harness.db,
    [
      {
        personId: person.personId,
        creditYear: thisYear,
        category: 'public',
        hours: 30,
        fullYear: false,
        source: 'sync',
        requestId: null,
        formCode: null,
        title: '公需科目',
      },
    ],
    new Date(),
  );
  return person;
};

const superAdminOf = async (orgName: string) =>
  (
    await sql<{ idNumber: string }>`
    select p.id_number as "idNumber" from account a join person p on p.id = a.person_id join org o on o.id = a.org_id
    where o.name = ${orgName} and a.kind = 'admin' and a.is_super_admin`.execute(harness.db)
  ).rows[0]!.idNumber;

const peopleRow = (name: string) => page.locator('.people-query .ant-table-row', { hasText: name });
const activeCount = async () =>
  Number((await page.locator('.people-query .ant-segmented-item', { hasText: '在职' }).innerText()).match(/（(\d+)）/)![1]);

test('a professional applies for a transfer, both employers approve, the new employer lists them with their hours, then marks them 退休', () =>
  run('people-transfer', async () => {
    const employer = demoLogin(harness, '用人单位管理员');
    const mover = await hospitalColleague(employer.org, demoLogin(harness, '专业技术人员').idNumber);

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: mover.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('用户资料管理', { exact: true }).click();
    await page.getByRole('tab', { name: '单位调转' }).click();
    await page.locator('.transfer-panel').getByText(employer.org).waitFor();
    await pickOption(page, 'toEmployerId', SCHOOL, '第一中学');
    const date = page.getByLabel('调入日期', { exact: true });
    await date.click();
    await date.fill(chinaDay(new Date()));
    await date.press('Enter');
    await page.getByLabel('调转原因').fill('工作调动');
    await button(page, '提交调转申请').click();
    await page.getByText('您有单位调转申请正在审核中').waitFor();
    await screenshot(page, 'profile-transfer.png');
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.locator('.review-progress__item', { hasText: SCHOOL }).waitFor();
    await logout(page);

    // The employer the person leaves approves out…
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employer.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '人员调转');
    await queueRow(page, mover.name).waitFor();
    await queueIdle(page);
    await screenshot(page, 'transfer-queue-out.png');
    await approveInQueue(page, mover.name);
    await logout(page);

    // …and the new one approves in; the person is its own at once, with their hours.
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: await superAdminOf(SCHOOL), password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '人员调转');
    await queueRow(page, mover.name).waitFor();
    await approveInQueue(page, mover.name);
    await page.getByRole('tab', { name: '调转记录' }).click();
    await page.locator('.transfer-records .ant-table-row', { hasText: mover.name }).getByText('审核通过').waitFor();
    await screenshot(page, 'transfer-records.png');

    await openMenu(page, '查询统计', '专技人员信息查询');
    const row = peopleRow(mover.name);
    await row.getByText('30 / 0').waitFor();
    const before = await activeCount();
    await button(row, '离职/退休').click();
    const dialog = page.locator('.ant-modal:visible');
    await settled(dialog);
    // The date defaults to today.
    assert.equal(await dialog.getByLabel('离职或退休日期').inputValue(), chinaDay(new Date()));
    await button(dialog, '确定').click();
    await page.locator('.ant-message', { hasText: `${mover.name}已标记为退休` }).waitFor();
    await row.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.people-query .ant-segmented-item', { hasText: `在职（${before - 1}）` }).waitFor();
    await screenshot(page, 'people-query.png');
    await page.locator('.people-query .ant-segmented-item', { hasText: '退休' }).click();
    await peopleRow(mover.name).getByText('退休').waitFor();
    // A retired colleague's account may be closed: the employer files it, the bureau decides.
    await button(peopleRow(mover.name), '申请注销').click();
    const closure = page.locator('.ant-modal:visible');
    await settled(closure.getByLabel('情况说明'));
    await closure.getByLabel('情况说明').fill('已退休，单位申请注销');
    await screenshot(page, 'closure-dialog.png');
    await button(closure, '提交注销申请').click();
    await page.locator('.ant-message', { hasText: '已提交注销申请' }).waitFor();
    await closure.waitFor({ state: 'hidden' });

    await page.setViewportSize(PHONE);
    await peopleRow(mover.name).waitFor();
    await screenshot(page, 'people-query-phone.png');
    assert.ok(await fitsWidth(page), 'the page fits a phone without sideways scrolling');
  }));

/** An active teacher of the school still 在职, with nothing open. */
const schoolTeacher = async () =>
  (
    await sql<{ idNumber: string; name: string }>`
    select p.id_number as "idNumber", p.name from account a
      join person p on p.id = a.person_id join org o on o.id = a.org_id
      join professional_profile f on f.account_id = a.id
    where o.name = ${SCHOOL} and a.kind = 'professional' and a.status = 'active' and f.employment = 'active'
      and not exists (select 1 from request r where r.applicant_person_id = p.id and r.status in ('pending', 'inReview'))
    order by p.id_number limit 1`.execute(harness.db)
  ).rows[0]!;

test('a professional changes the phone by a code and asks for a new title; the school sees old and new side by side and approves', () =>
  run('people-profile', async () => {
    const teacher = await schoolTeacher();
    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: teacher.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('用户资料管理', { exact: true }).click();
    const info = page.locator('.basic-info');
    await info.getByText('中小学教师（高级）').waitFor();

    await info.locator('.basic-info__edit--phone').click();
    const dialog = page.locator('.ant-modal:visible');
    await settled(dialog);
    await dialog.getByPlaceholder('请输入新的手机号').fill('13912345678');
    await dialog.getByRole('button', { name: '获取验证码' }).click();
    await dialog.getByText('验证码已发送至 139****5678').waitFor();
    const code = /验证码为(\d{6})/.exec(harness.sent.filter((m) => m.destination === '13912345678').at(-1)!.body)![1]!;
    await dialog.getByPlaceholder('请输入收到的6位验证码').fill(code);
    await button(dialog, '确定修改').click();
    await page.locator('.ant-message', { hasText: '手机号已修改' }).waitFor();
    await info.getByText('13912345678').waitFor();

    // 证件信息修改 opens with the rules and the photo upload (its API tests go through the review).
    await button(info, '证件信息修改').click();
    const identity = page.locator('.identity-change');
    await settled(identity.getByText('身份证正、反面照片'));
    await screenshot(page, 'identity-change.png');
    await page.keyboard.press('Escape');
    await identity.waitFor({ state: 'hidden' });

    await info.getByRole('button', { name: '修改职称' }).click();
    const drawer = page.locator('.title-change');
    await settled(drawer.getByLabel('职称等级'));
    await pickFrom(drawer.getByLabel('职称等级'), '中级');
    await button(drawer, '提交审核').click();
    await info.getByText('职称信息修改审核中').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await screenshot(page, 'profile-basic.png');
    await logout(page);

    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: await superAdminOf(SCHOOL), password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核人员信息修改');
    await button(queueRow(page, teacher.name), '详情').click();
    const detail = page.locator('.review-detail');
    await settled(detail.locator('.review-detail__change').first());
    await detail.locator('.ant-descriptions-row', { hasText: '职称等级' }).getByText('已修改').waitFor();
    await screenshot(page, 'title-change-review.png');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await approveInQueue(page, teacher.name);
    await logout(page);

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: teacher.idNumber, password: DEMO_PASSWORD });
    await page.locator('.workspace-sider').getByText('用户资料管理', { exact: true }).click();
    await page.locator('.basic-info').getByText('中小学教师（中级）').waitFor();
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.locator('.review-progress__item', { hasText: '职称变更' }).getByText('审核通过').first().waitFor();
  }));

const roleOfKind: Record<string, string> = { hrBureau: '人社部门', authority: '主管部门', employer: '用人单位' };

test('an employer’s super admin renames it with the licence; the superior approves in 审核机构信息修改; 变更记录 shows it', () =>
  run('org-change', async () => {
    const { rows } = await sql<{ orgName: string; admin: string; superiorAdmin: string; superiorKind: string }>`
      select o.name as "orgName", p.id_number as admin, sp.id_number as "superiorAdmin", s.kind as "superiorKind"
      from org o join account a on a.org_id = o.id and a.kind = 'admin' and a.is_super_admin join person p on p.id = a.person_id
        join org s on s.id = o.superior_id join account sa on sa.org_id = s.id and sa.kind = 'admin' and sa.is_super_admin
        join person sp on sp.id = sa.person_id
      where o.name like '%智能装备有限公司' and o.status = 'active' order by o.name limit 1`.execute(harness.db);
    const company = rows[0]!;
    const renamed = `${company.orgName.replace(/有限公司$/, '')}股份有限公司`;

    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: company.admin, password: DEMO_PASSWORD });
    await page.goto(`${harness.baseUrl}/workspace/org/profile`);
    await button(page, '修改单位信息').click();
    const drawer = page.locator('.org-change');
    await settled(drawer.getByLabel('单位名称'));
    await drawer.getByLabel('单位名称').fill(renamed);
    await drawer.locator('input[type=file]').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: samplePng });
    await drawer.getByText('营业执照.png').waitFor();
    await button(drawer, '提交审核').click();
    await page.locator('.ant-message', { hasText: '已提交修改单位信息' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.review-progress__item', { hasText: renamed }).getByText('待审核').first().waitFor();
    await screenshot(page, 'org-change-filed.png');
    await logout(page);

    await loginThroughPortal(page, harness, { role: roleOfKind[company.superiorKind]!, idNumber: company.superiorAdmin, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核机构信息修改');
    await queueRow(page, renamed).waitFor();
    await approveInQueue(page, renamed);
    await logout(page);

    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: company.admin, password: DEMO_PASSWORD });
    await page.goto(`${harness.baseUrl}/workspace/org/profile`);
    await page.locator('.org-profile .ant-descriptions').getByText(renamed, { exact: true }).waitFor();
    await page.locator('.review-progress__item', { hasText: renamed }).getByText('审核通过').first().waitFor();
  }));

test('更换上级部门 is refused while the hospital has items waiting, and the refusal lists them', () =>
  run('superior-change-refused', async () => {
    const employer = demoLogin(harness, '用人单位管理员');
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employer.idNumber, password: DEMO_PASSWORD });
    await page.goto(`${harness.baseUrl}/workspace/org/profile`);
    await button(page, '更换上级部门').click();
    const drawer = page.locator('.superior-change');
    await settled(drawer.getByText('同级人社部门'));
    await drawer.getByText('同级人社部门').click();
    await pickOption(page, 'superiorId', '人力资源和社会保障');
    await button(drawer, '提交审核').click();
    await drawer.getByText('本单位或下级单位还有待审核或审核中的信息').waitFor();
    assert.ok((await drawer.locator('.pending-items .ant-list-item').count()) > 0, 'the waiting items are listed');
    await screenshot(page, 'superior-change-refused.png');
    // The hospital's own registrations to review lead to its queue.
    await drawer.getByRole('link', { name: '本单位待审核，去审核' }).first().click();
    await page.locator('.review-queue').waitFor();
  }));
