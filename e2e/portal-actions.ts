import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';
import { Secret, TOTP } from 'otpauth';
import { screenshot, solveSlider } from './browser';
import { DEMO_TOTP_SECRET } from '../server/src/demo/demo';

/** Opens the portal home and waits for the login box. */
export const openHome = async (page: Page, harness: Harness) => {
  await page.goto(harness.baseUrl);
  await page.getByText('平台登录入口').waitFor();
};

/**
 * Opens one antd Select (`trigger` is its label's input or its box) and returns its own option list once the
 * list has stopped zooming in. Another select's list may still be fading out (two lists are then visible), and a
 * click during the animation can land on another option, so the list is found by the select's id.
 */
export const openOptions = async (trigger: Locator) => {
  await trigger.click();
  const combobox = (await trigger.getAttribute('role')) === 'combobox' ? trigger : trigger.locator('input[role=combobox]');
  const id = await combobox.getAttribute('id');
  const list = trigger.page().locator(`.ant-select-dropdown:has([id="${id}_list"])`);
  await settled(list);
  return list;
};

/** Picks `option` of one antd Select and waits for its list to close. */
export const pickFrom = async (trigger: Locator, option: string | RegExp) => {
  const list = await openOptions(trigger);
  await list.locator('.ant-select-item-option', { hasText: option }).first().click();
  await list.waitFor({ state: 'hidden' });
};

/** Picks the login role; the box must show it before the test goes on (a stray click once logged in as 专业技术人员). */
export const chooseRole = async (page: Page, label: string) => {
  await pickFrom(page.locator('.portal-login .ant-select'), label);
  await page.locator('.portal-login .ant-select', { hasText: label }).waitFor();
};

/** antd puts a space between two CJK characters on a button ("登 录"). */
export const button = (page: Page | Locator, label: string) =>
  page.getByRole('button', { name: label }).or(page.getByRole('button', { name: label.split('').join(' ') }));

export const fillLogin = async (page: Page, harness: Harness, options: { role: string; idNumber: string; password: string }) => {
  await chooseRole(page, options.role);
  await page.getByPlaceholder('请输入注册时的身份证号').fill(options.idNumber);
  await page.getByPlaceholder('请输入密码').fill(options.password);
  await solveSlider(page, harness.db);
};

/** Authenticator secrets of the admins these tests enrolled (the demo's admins share DEMO_TOTP_SECRET). */
const secrets = new Map<string, string>();
const lastStep = new Map<string, number>();

/**
 * The next code an authenticator app would give: a step (of this 30 seconds, or the one after, which the
 * server also takes) that this person has not used yet, since each code counts once. Waits for the next
 * step only when all of those are used.
 */
const freshCode = async (page: Page, idNumber: string) => {
  const secret = secrets.get(idNumber) ?? DEMO_TOTP_SECRET;
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = [now, now + 1].find((s) => s > (lastStep.get(idNumber) ?? 0));
    if (step !== undefined) {
      lastStep.set(idNumber, step);
      return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: step * 30_000 });
    }
    await page.waitForFunction((until) => Date.now() >= until, (now + 1) * 30_000, { timeout: 40_000 });
  }
};

/** The second factor after an admin's password: the code when bound, else binding the authenticator first. */
export const completeSecondFactor = async (page: Page, idNumber: string) => {
  const step = page
    .locator('.ant-card-head-title')
    .filter({ hasText: /^(您好，|动态口令验证|绑定动态口令)/ })
    .first();
  await step.waitFor();
  const title = (await step.textContent()) ?? '';
  if (title.startsWith('您好，')) return;
  if (title === '绑定动态口令') {
    const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
    secrets.set(idNumber, secret);
    await page.getByAltText('动态口令二维码').evaluate((img: HTMLImageElement) => img.decode());
    await screenshot(page, 'mfa-enroll.png');
  }
  await page.getByPlaceholder('6位动态口令').fill(await freshCode(page, idNumber));
  await button(page, '确定').click();
  if (title === '绑定动态口令') {
    await page.getByText('请保存恢复码').waitFor();
    await screenshot(page, 'mfa-recovery-codes.png');
    await page.getByRole('button', { name: '我已保存，进入平台' }).click();
  }
  await page.getByText(/^您好，/).waitFor();
};

/** Logs in through the portal's box (an admin also through the second factor) and waits for the workspace home. */
export const loginThroughPortal = async (page: Page, harness: Harness, options: { role: string; idNumber: string; password: string }) => {
  await openHome(page, harness);
  await fillLogin(page, harness, options);
  await button(page, '登录').click();
  await page.waitForURL(/\/workspace$/);
  await completeSecondFactor(page, options.idNumber);
};

export const logout = async (page: Page) => {
  await page.getByTestId('user-menu').click();
  // The menu zooms in; a click before it stops moving may miss the item on a busy machine.
  const item = page.getByRole('menuitem', { name: /退出登录/ });
  await settled(item);
  await item.click();
  await page.getByText('您已安全退出登录').waitFor();
};

/** Waits until an element has stopped moving (drawers and menus slide in). */
export const settled = async (locator: Locator) => {
  await locator.waitFor();
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await locator.boundingBox());
    if (box === last) return;
    last = box;
    await locator.page().waitForTimeout(100);
  }
};
