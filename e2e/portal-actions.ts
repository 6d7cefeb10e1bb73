import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';
import { solveSlider } from './browser';

/** Opens the portal home and waits for the login box. */
export const openHome = async (page: Page, harness: Harness) => {
  await page.goto(harness.baseUrl);
  await page.getByText('平台登录入口').waitFor();
};

export const chooseRole = async (page: Page, label: string) => {
  await page.locator('.portal-login .ant-select').click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
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

/** Logs in through the portal's box and waits for the workspace home. */
export const loginThroughPortal = async (page: Page, harness: Harness, options: { role: string; idNumber: string; password: string }) => {
  await openHome(page, harness);
  await fillLogin(page, harness, options);
  await button(page, '登录').click();
  await page.waitForURL(/\/workspace$/);
};

export const logout = async (page: Page) => {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
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
