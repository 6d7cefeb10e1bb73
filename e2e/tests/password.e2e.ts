import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoLogin, startHarness, type Harness } from '../harness';
import { launchBrowser, screenshot, solveSlider, withPage } from '../browser';
import { button, loginThroughPortal, logout } from '../portal-actions';

let harness: Harness;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const PHONE_NUMBER = '13800001234';
const NEW_PASSWORD = 'Henan2026cep';
const FORCED_PASSWORD = 'Zhengzhou88x';

before(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await harness?.close();
});

/**
 * Platform operations sees the message in 消息发件箱 with its code masked; the code itself is read from what
 * the carrier delivered to the phone (the demo prints it on the server console).
 */
const readCodeFromOutbox = async (page: Page): Promise<string> => {
  const ops = demoLogin(harness, '平台运维');
  await loginThroughPortal(page, harness, { role: '平台运维', idNumber: ops.idNumber, password: DEMO_PASSWORD });
  const sider = page.locator('.workspace-sider');
  const outbox = sider.getByText('消息发件箱', { exact: true });
  if (!(await outbox.isVisible())) await sider.getByText('平台运维', { exact: true }).click();
  await outbox.click();
  const row = page.locator('.ant-table-row', { hasText: '找回密码验证码' }).first();
  await row.waitFor();
  assert.ok(await row.getByText('138****1234').isVisible(), 'the phone is masked');
  await screenshot(page, 'outbox.png');
  assert.match((await row.textContent()) ?? '', /验证码为\*{6}/, 'operations never reads a working code');
  const delivered = harness.sent.filter((m) => m.destination === PHONE_NUMBER).at(-1);
  const code = /验证码为(\d{6})/.exec(delivered?.body ?? '')?.[1];
  assert.ok(code, 'the phone received a 6-digit code');
  await logout(page);
  return code;
};

test('忘记密码: a code to the registered phone, read from the outbox, sets a new password that logs in', () =>
  withPage(browser.context, 'forgot-password', async (page) => {
    const admin = demoLogin(harness, '市人社局管理员');
    await harness.db.updateTable('person').set({ phone: PHONE_NUMBER }).where('idNumber', '=', admin.idNumber).execute();
    await page.goto(`${harness.baseUrl}/forgot-password`);
    await page.getByPlaceholder('请输入注册时的身份证号').fill(admin.idNumber);
    await page.getByPlaceholder('请输入注册时填写的手机号').fill('13800009999');
    await solveSlider(page, harness.db);
    await button(page, '获取验证码').click();
    await page.getByText('手机号/邮箱与注册信息不一致').waitFor();

    await page.getByPlaceholder('请输入注册时填写的手机号').fill(PHONE_NUMBER);
    await solveSlider(page, harness.db);
    await button(page, '获取验证码').click();
    await page.getByText('验证码已发送，请查收（演示环境可在平台运维的消息发件箱查看）').waitFor();
    await screenshot(page, 'forgot-password.png');

    let code = '';
    await withPage(browser.context, 'outbox', async (opsPage) => {
      code = await readCodeFromOutbox(opsPage);
    });
    await page.getByPlaceholder('请输入6位验证码').fill(code);
    await page.getByPlaceholder('请输入新密码').fill(NEW_PASSWORD);
    await page.getByPlaceholder('请再次输入新密码').fill(`${NEW_PASSWORD}!`);
    await button(page, '重置密码').click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByPlaceholder('请再次输入新密码').fill(NEW_PASSWORD);
    await button(page, '重置密码').click();
    await page.getByText('密码已重置').waitFor();

    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: admin.idNumber, password: NEW_PASSWORD });
    await page.getByText(/^您好，/).waitFor();
  }));

test('after an admin reset only the change-password page is shown, then the workspace opens', () =>
  withPage(browser.context, 'forced-change', async (page) => {
    const admin = demoLogin(harness, '区县人社局管理员');
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: admin.idNumber, password: DEMO_PASSWORD });
    await harness.db.updateTable('person').set({ mustChangePassword: true }).where('idNumber', '=', admin.idNumber).execute();
    await page.reload();
    await page.getByText('您的密码已被管理员重置，请先设置新密码后再使用平台').waitFor();
    assert.equal(await page.locator('.workspace-sider').count(), 0, 'no menu while the password must change');
    await screenshot(page, 'forced-change-password.png');
    await page.getByPlaceholder('请输入原密码').fill(DEMO_PASSWORD);
    await page.getByPlaceholder('请输入8~20位带数字和英文字母的密码').fill('abcdefgh');
    await page.getByPlaceholder('请再次输入新密码').fill('abcdefgh');
    await button(page, '确认修改').click();
    await page.getByText('请输入8~20位带数字和英文字母的密码，请勿输入纯数字或纯字母').first().waitFor();
    await page.getByPlaceholder('请输入8~20位带数字和英文字母的密码').fill(FORCED_PASSWORD);
    await page.getByPlaceholder('请再次输入新密码').fill(FORCED_PASSWORD);
    await button(page, '确认修改').click();
    await page.getByText('密码修改成功，欢迎使用平台').waitFor();
    await page.locator('.workspace-sider').waitFor();
  }));

test('a session that ended on the server sends the workspace back to the portal with 登录已超时', () =>
  withPage(browser.context, 'session-ended', async (page) => {
    const admin = demoLogin(harness, '省人社厅管理员');
    await loginThroughPortal(page, harness, { role: '人社部门', idNumber: admin.idNumber, password: DEMO_PASSWORD });
    const person = await harness.db.selectFrom('person').select('id').where('idNumber', '=', admin.idNumber).executeTakeFirstOrThrow();
    await harness.db.deleteFrom('session').where('personId', '=', person.id).execute();
    await page.reload();
    await page.getByText('登录已超时，请重新登录').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
  }));
