import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { QUEUE_COUNT_CAP } from '@cep/contracts';
import { DEMO_PASSWORD, demoLogin, startHarness, type Harness } from '../harness';
import { DESKTOP, PHONE, animationsDone, launchBrowser, screenshot, withPage, fitsWidth } from '../browser';
import { button, loginThroughPortal, logout, settled } from '../portal-actions';
import { approveThroughApi } from '../registration-actions';
import { approveInQueue, openMenu, queueIdle, queueRow, registerEmployer, registerProfessional } from '../review-actions';
import { demoIdNumber } from '../../server/src/demo/demo-ids';

let harness: Harness;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

before(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
});

/** Each test on a fresh page (DESKTOP first); a failure leaves e2e/artifacts/failure-<name>.png. */
const run = (name: string, body: () => Promise<void>) =>
  withPage(browser.context, name, async (p) => {
    page = p;
    await page.setViewportSize(DESKTOP);
    await body();
  });

after(async () => {
  await browser?.close();
  await harness?.close();
});

const EMPLOYER = '郑州市仁和康复医院';
const employerAdmin = { idNumber: demoIdNumber('410103', '1980-03-12', 41), password: 'Renhe#2026a', name: '周建国', phone: '13903710041' };
const therapist = { idNumber: demoIdNumber('410103', '1993-06-18', 42), password: 'Therapy#26b', name: '许佳怡', phone: '13903710042' };
const inViewport = async (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth;
    });

test('the authority approves a registered employer in 审核用人单位: queue, 详情 drawer, phone width', () =>
  run('reviews-employer', async () => {
    await registerEmployer(page, harness, employerAdmin, EMPLOYER);
    const authority = demoLogin(harness, '主管部门管理员');
    await loginThroughPortal(page, harness, { role: '主管部门', idNumber: authority.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核用人单位');
    const row = queueRow(page, EMPLOYER);
    await row.waitFor();
    assert.match(await row.innerText(), /周\*?建国|周建国/);
    assert.match(await row.innerText(), /41\*{13}\d{2}[\dX]/, 'the applicant’s ID number is masked');
    assert.doesNotMatch(await page.locator('.review-queue').innerText(), /\d{17}[\dX]/);
    await page.locator('.review-queue .ant-table-row', { hasText: '第二人民医院' }).getByText('5 天').waitFor();
    await queueIdle(page);
    await screenshot(page, 'review-queue.png');

    await button(row, '详情').click();
    const drawer = page.locator('.review-detail');
    await settled(drawer.getByText('审核记录'));
    await drawer.getByText('统一社会信用代码').waitFor();
    const details = await drawer.innerText();
    assert.ok(!details.includes(employerAdmin.idNumber) && !details.includes(employerAdmin.phone), 'the admin’s ID number and phone are masked');
    assert.match(details, /统一社会信用代码\s+[0-9A-Z]{18}\s/, 'the credit code is shown in full, to check against the licence');
    await screenshot(page, 'review-detail.png');
    await page.setViewportSize(PHONE);
    await settled(drawer.getByText('审核记录'));
    await screenshot(page, 'review-detail-phone.png');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));
    await settled(page.locator('.review-queue'));
    assert.ok(await fitsWidth(page), 'the queue fits a 390 px screen (the table scrolls inside)');
    assert.ok(await inViewport('.review-queue .ant-table-row .ant-btn'), '详情 stays reachable on a phone');
    await queueIdle(page);
    await screenshot(page, 'review-queue-phone.png');
    await page.setViewportSize(DESKTOP);

    await approveInQueue(page, EMPLOYER);
    await page.getByRole('tab', { name: '已审核' }).click();
    await queueRow(page, EMPLOYER).getByText('审核通过').waitFor();
    await queueIdle(page);
    await screenshot(page, 'review-queue-done.png');
    await logout(page);
  }));

test('the employer admin logs in and approves a professional who registered under it; the professional sees 申报进度查询', () =>
  run('reviews-professional', async () => {
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employerAdmin.idNumber, password: employerAdmin.password });
    await page.locator('.workspace-header').getByText(EMPLOYER).waitFor();
    await logout(page);

    await registerProfessional(page, harness, therapist, EMPLOYER);
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employerAdmin.idNumber, password: employerAdmin.password });
    await openMenu(page, '审核账户', '审核注册人员');
    await queueRow(page, therapist.name).waitFor();
    await queueIdle(page);
    await screenshot(page, 'review-professionals.png');
    await approveInQueue(page, therapist.name);
    await logout(page);

    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: therapist.idNumber, password: therapist.password });
    await page.locator('.workspace-sider').getByText('申报进度查询', { exact: true }).click();
    const item = page.locator('.review-progress__item', { hasText: '专业技术人员注册' });
    await item.getByText('审核通过').first().waitFor();
    await item.getByText(EMPLOYER).first().waitFor();
    assert.equal(await button(item, '撤回申请').count(), 0, 'nothing to withdraw once approved');
    await screenshot(page, 'my-progress.png');
    await page.setViewportSize(PHONE);
    assert.ok(await fitsWidth(page), '申报进度查询 fits a 390 px screen');
    await screenshot(page, 'my-progress-phone.png');
    await page.setViewportSize(DESKTOP);
    await logout(page);
  }));

test('批量审核: batch approval reports each item, a request decided meanwhile fails with the conflict message', () =>
  run('reviews-batch', async () => {
    const employer = demoLogin(harness, '用人单位管理员');
    await loginThroughPortal(page, harness, { role: '用人单位', idNumber: employer.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核注册人员');
    const rows = page.locator('.review-queue .ant-table-tbody .ant-table-row');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count >= 3, `the demo employer has pending registrations (${count})`);
    await page.locator('.review-queue .ant-table-thead .ant-checkbox-input').check();
    await page.getByText(`已选择 ${count} 条`).waitFor();
    await page.locator('.review-queue__batch .ant-btn-primary:not([disabled])').waitFor();
    // antd fades the enabled buttons in; the screenshot should show them as a person does.
    await animationsDone(page.locator('.review-queue__batch'));
    await screenshot(page, 'review-batch-selected.png');
    const staleTitle = (await rows.first().locator('td').nth(2).innerText()).trim();
    await approveThroughApi(page, harness, staleTitle.split('（')[0]!);
    await button(page, '批量通过').click();
    await button(page.locator('.ant-popconfirm:visible'), '确定').click();
    const result = page.locator('.ant-modal', { hasText: '批量审核结果' });
    await result.getByText(`${count - 1} 条成功，1 条失败`).waitFor();
    await result.getByText('该申请已被他人处理，请刷新后重试').waitFor();
    await settled(result.getByText('批量审核结果'));
    await screenshot(page, 'review-batch-result.png');
    await button(result, '知道了').click();
    await page.getByText('暂无待审核信息').waitFor();
    await logout(page);
  }));

test('a single decision on a request someone else decided says so and refreshes; 驳回 needs a reason', () =>
  run('reviews-conflict', async () => {
    const city = demoLogin(harness, '主管部门管理员');
    await loginThroughPortal(page, harness, { role: '主管部门', idNumber: city.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核用人单位');
    const row = queueRow(page, '第二人民医院');
    await button(row, '驳回').click();
    const dialog = page.locator('.ant-modal', { hasText: '驳回申请' });
    await button(dialog, '确认驳回').click();
    await dialog.getByText('请填写驳回原因').waitFor();
    await dialog.locator('textarea').fill('统一社会信用代码与营业执照不符，请核对后重新注册');
    await dialog.getByText('请填写驳回原因').waitFor({ state: 'detached' });
    await screenshot(page, 'review-reject-dialog.png');
    await approveThroughApi(page, harness, '第二人民医院');
    await button(dialog, '确认驳回').click();
    await page.locator('.ant-message', { hasText: '该申请已被他人处理，请刷新后重试' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await logout(page);
  }));

test('申报进度查询: a professional who also registers an employer (已是本系统用户) follows it and withdraws it', () =>
  run('reviews-withdraw', async () => {
    await registerEmployer(page, harness, therapist, '郑州市佳怡康复诊所', true);
    await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: therapist.idNumber, password: therapist.password });
    await page.locator('.workspace-sider').getByText('申报进度查询', { exact: true }).click();
    const item = page.locator('.review-progress__item', { hasText: '郑州市佳怡康复诊所' });
    await item.getByText('待审核').first().waitFor();
    await item.getByText('郑州市卫生健康委员会', { exact: true }).waitFor();
    // Where it waits, since when (超期 flags it past the profile's days).
    await item.getByText(/^郑州市卫生健康委员会（本环节已等待 \d+ 天）$/).waitFor();
    await screenshot(page, 'my-progress-pending.png');
    await button(item, '撤回申请').click();
    await button(page.locator('.ant-popconfirm:visible'), '确定').click();
    await page.locator('.ant-message', { hasText: '申请已撤回' }).waitFor();
    await item.locator('.ant-card-extra').getByText('已撤回').waitFor();
    assert.equal(await button(item, '撤回申请').count(), 0, 'a withdrawn request cannot be withdrawn again');
    await screenshot(page, 'my-progress-withdrawn.png');
    await logout(page);
  }));

test('a province-size 已审核 list says 超过 10,000 条 instead of counting it all on every view', () =>
  run('reviews-capped-total', async () => {
    const authority = demoLogin(harness, '主管部门管理员');
    const { orgId, personId } = await harness.db
      .selectFrom('account as a')
      .innerJoin('person as p', 'p.id', 'a.personId')
      .select(['a.orgId', 'p.id as personId'])
      .where('p.idNumber', '=', authority.idNumber)
      .where('a.kind', '=', 'admin')
      .executeTakeFirstOrThrow();
    // Years of decided registrations, written straight into the tables (older than anything the other tests decided).
    const decidedAt = new Date('2025-01-01T00:00:00+08:00');
    for (let from = 1; from <= QUEUE_COUNT_CAP + 1; from += 2_000) {
      const count = Math.min(2_000, QUEUE_COUNT_CAP + 2 - from);
      const requests = await harness.db
        .insertInto('request')
        .values(
          Array.from({ length: count }, (_, i) => ({
            kind: 'registration.employer',
            status: 'approved' as const,
            applicantPersonId: personId,
            applicantAccountId: null,
            subjectOrgId: orgId,
            scopePath: '',
            creditYear: null,
            title: `历史单位${from + i}`,
            searchText: `历史单位${from + i}`,
            payload: '{}',
            currentStep: 1,
            stepCount: 1,
            currentReviewerOrgId: null,
            currentPermission: null,
            idempotencyKey: null,
            payloadHash: null,
            createdAt: decidedAt,
            updatedAt: decidedAt,
            decidedAt,
          })),
        )
        .returning('id')
        .execute();
      await harness.db
        .insertInto('requestStep')
        .values(
          requests.map(({ id }) => ({
            requestId: id,
            stepNo: 1,
            reviewerOrgId: orgId,
            permission: 'reviews.employers',
            status: 'approved' as const,
            decidedByAccountId: null,
            decidedByPersonId: null,
            decidedAt,
            reason: null,
            requestCreatedAt: decidedAt,
          })),
        )
        .execute();
    }
    await loginThroughPortal(page, harness, { role: '主管部门', idNumber: authority.idNumber, password: DEMO_PASSWORD });
    await openMenu(page, '审核账户', '审核用人单位');
    await page.getByRole('tab', { name: '已审核' }).click();
    await page.getByText('超过 10,000 条，可按年度、类型或关键字缩小范围').waitFor();
    await queueIdle(page);
    await screenshot(page, 'review-queue-capped.png');
    await page.getByPlaceholder('姓名、单位名称或信用代码').fill('历史单位9999');
    await button(page, '查 询').click();
    await page.getByText('共 1 条').waitFor();
    await logout(page);
  }));
