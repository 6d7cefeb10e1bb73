import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, startHarness, type Harness } from '../harness';
import { DESKTOP, launchBrowser, screenshot } from '../browser';
import { button, loginThroughPortal, logout, settled } from '../portal-actions';
import { demoIdNumber } from '../../server/src/demo/demo-ids';

let harness: Harness;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

before(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize(DESKTOP);
  const county = demoLogin(harness, '区县人社局管理员');
  await loginThroughPortal(page, harness, { role: '人社部门', idNumber: county.idNumber, password: DEMO_PASSWORD });
});

after(async () => {
  await browser?.close();
  await harness?.close();
});

const open = async (path: string, title: string) => {
  await page.goto(`${harness.baseUrl}/workspace/${path}`);
  await page.locator('.ant-card-head-title', { hasText: title }).waitFor();
};

test('角色管理: the county bureau creates a role from its own modules', async () => {
  await open('org/roles', '角色管理');
  await button(page, '新增角色').click();
  const dialog = page.locator('.ant-modal');
  await settled(dialog.getByText('权限模块'));
  await dialog.getByLabel('角色名称').fill('学时审核员');
  await dialog.locator('.ant-tree-title', { hasText: '学时学分审批' }).first().click();
  await screenshot(page, 'roles-dialog.png');
  await button(dialog, '确定').click();
  await page.locator('.ant-table-row', { hasText: '学时审核员' }).waitFor();
  await screenshot(page, 'roles.png');
});

test('管理单位管理员: adds a new admin with that role, then disables it', async () => {
  await open('org/admins', '管理单位管理员');
  await button(page, '新增管理员').click();
  const dialog = page.locator('.ant-modal');
  await settled(dialog.getByText('已是本系统用户'));
  await dialog.getByText('新用户', { exact: true }).click();
  const idNumber = demoIdNumber('410102', '1991-05-06', 321);
  await dialog.getByLabel('身份证号').fill(idNumber);
  await dialog.getByLabel('姓名').fill('王审核');
  await dialog.getByLabel('手机号').fill('13812345678');
  await dialog.getByLabel('初始密码').fill('Shenhe#2026a');
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option', { hasText: '学时审核员' }).click();
  await button(dialog, '确定').click();
  const row = page.locator('.ant-table-row', { hasText: '王审核' });
  await row.waitFor();
  assert.ok(await row.getByText('138****5678').isVisible(), 'the phone is masked');
  assert.equal(await page.getByText(idNumber).count(), 0, 'the full ID number is never shown');
  await row.getByText('禁用', { exact: true }).click();
  await button(page.locator('.ant-popconfirm'), '确定').click();
  await row.locator('.ant-tag', { hasText: '禁用' }).waitFor();
  await screenshot(page, 'admins.png');
});

test('已是本系统用户: the county invites a professional, who accepts on the workspace home and becomes an admin', async () => {
  const pro = demoLogin(harness, '专业技术人员');
  await open('org/admins', '管理单位管理员');
  await button(page, '新增管理员').click();
  const dialog = page.locator('.ant-modal');
  await settled(dialog.getByText('已是本系统用户'));
  await dialog.getByLabel('身份证号').fill(pro.idNumber);
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option', { hasText: '学时审核员' }).click();
  await screenshot(page, 'admin-invite-dialog.png');
  await button(dialog, '发出邀请').click();
  const masked = `${pro.idNumber.slice(0, 2)}*************${pro.idNumber.slice(-3)}`;
  const pending = page.locator('.pending-invitations .ant-table-row', { hasText: masked });
  await pending.waitFor();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(
    await page.locator('.ant-table-row:not(.pending-invitations *)', { hasText: masked }).count(),
    0,
    'no admin row, nothing about the person, before they accept',
  );
  await screenshot(page, 'admin-invitations.png');

  // One browser profile holds one session: the county signs out while the professional answers.
  await logout(page);
  await loginThroughPortal(page, harness, { role: '专业技术人员', idNumber: pro.idNumber, password: DEMO_PASSWORD });
  const invitation = page.locator('.my-invitation', { hasText: '中原区人力资源和社会保障局邀请您担任管理员' });
  await invitation.waitFor();
  await screenshot(page, 'admin-invitation-home.png');
  await button(invitation, '接受').click();
  await button(page.locator('.ant-popconfirm'), '确定').click();
  await page.locator('.ant-modal', { hasText: '已接受邀请' }).waitFor();
  await screenshot(page, 'admin-invitation-accepted.png');
  await button(page.locator('.ant-modal'), '知道了').click();
  await logout(page);

  const county = demoLogin(harness, '区县人社局管理员');
  await loginThroughPortal(page, harness, { role: '人社部门', idNumber: county.idNumber, password: DEMO_PASSWORD });
  await open('org/admins', '管理单位管理员');
  const admin = page.locator('.ant-table-row', { hasText: masked });
  await admin.locator('.ant-tag', { hasText: '启用' }).waitFor();
  assert.ok(await admin.getByText('学时审核员').isVisible(), 'with the invited role');
  assert.equal(await page.locator('.pending-invitations').count(), 0, 'no invitation is left open');
});

test('管理内设部门: adds a division and a child, shown as a tree', async () => {
  await open('org/divisions', '管理内设部门');
  await button(page, '新增部门').click();
  await page.locator('.ant-modal').getByLabel('部门名称').fill('办公室');
  await button(page.locator('.ant-modal'), '确定').click();
  const parent = page.locator('.ant-table-row', { hasText: '办公室' });
  await parent.waitFor();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await parent.getByText('添加下级').click();
  await page.locator('.ant-modal').getByLabel('部门名称').fill('档案室');
  await button(page.locator('.ant-modal'), '确定').click();
  await page.locator('.ant-table-row-level-1', { hasText: '档案室' }).waitFor();
  await screenshot(page, 'divisions.png');
});

test('管理用人单位: lists employers of the county, shows details and removes their admins', async () => {
  const county = await harness.db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('regionCode', '=', '410102')
    .where('kind', '=', 'hrBureau')
    .executeTakeFirstOrThrow();
  const org = await harness.db
    .insertInto('org')
    .values({
      kind: 'employer',
      name: '中原区示例科技有限公司',
      regionCode: '410102',
      superiorId: county.id,
      path: '',
      status: 'active',
      nature: 'enterprise',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await harness.db
    .updateTable('org')
    .set({ path: `${county.path}${org.id}/` })
    .where('id', '=', org.id)
    .execute();
  await open('subordinates/employers', '管理用人单位');
  const row = page.locator('.ant-table-row', { hasText: '中原区示例科技有限公司' });
  await row.waitFor();
  assert.ok(await row.getByText('企业', { exact: true }).isVisible(), 'the nature code shows as its catalog name');
  await row.getByText('详情').click();
  await settled(page.locator('.ant-drawer').getByText('机构详情'));
  await page.locator('.ant-drawer').getByText('中原区人力资源和社会保障局').first().waitFor();
  await screenshot(page, 'subordinate-detail.png');
  await page.keyboard.press('Escape');
  await row.getByText('移除权限').click();
  await button(page.locator('.ant-popconfirm'), '确定').click();
  await row.getByText('已移除权限').waitFor();
  await screenshot(page, 'subordinates.png');
});
