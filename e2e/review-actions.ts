import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';
import { button, settled } from './portal-actions';
import {
  fillApplicant,
  e2eCreditCode,
  openRegistration,
  pickMajor,
  pickOption,
  pickRegion,
  submitRegistration,
  type E2eApplicant,
} from './registration-actions';

const fillExistingUser = async (page: Page, person: E2eApplicant) => {
  await page.locator('#applicant_existingUser').check();
  await page.locator('#applicant_idNumber').fill(person.idNumber);
  await page.locator('#applicant_password').fill(person.password);
};

/** Registers an employer under 郑州市卫生健康委员会 through the portal's /register form (已是本系统用户 when `existingUser`). */
export const registerEmployer = async (page: Page, harness: Harness, admin: E2eApplicant, orgName: string, existingUser = false) => {
  await openRegistration(page, harness, 'employer');
  await (existingUser ? fillExistingUser(page, admin) : fillApplicant(page, admin));
  await page.locator('#orgName').fill(orgName);
  await page.locator('#creditCode').fill(e2eCreditCode());
  await pickRegion(page, '郑州市', '河南省 / 郑州市');
  await page.locator('#hasAuthority').getByText('是').click();
  await pickOption(page, 'authorityId', '郑州市卫生健康委员会', '卫生健康');
  await pickOption(page, 'nature', '事业单位');
  await pickOption(page, 'orgLevel', '县、处级');
  await pickOption(page, 'industry', '卫生和社会工作', '卫生');
  await page.locator('#orgPhone').fill('0371-66005678');
  await page.locator('#address').fill('郑州市二七区大学路40号');
  await submitRegistration(page, harness);
};

/** Registers a 卫生技术 professional under `employer` through the portal's /register form. */
export const registerProfessional = async (page: Page, harness: Harness, person: E2eApplicant, employer: string) => {
  await openRegistration(page, harness, 'professional');
  await fillApplicant(page, person);
  await pickOption(page, 'employerId', employer, employer.slice(3, 7));
  await pickOption(page, 'titleSeries', '卫生技术', '卫生');
  await pickOption(page, 'titleLevel', '中级');
  await pickMajor(page, '医学');
  await page.locator('#titleObtainedOn').fill('2019-09-01');
  await page.keyboard.press('Enter');
  await submitRegistration(page, harness);
};

/**
 * Opens a leaf of the workspace's side menu the way a person does: group, then page. Names match exactly: a group
 * and its leaf may share one (学时学分审批), and one leaf's name may begin another's (审核继续教育基地…年度报告).
 */
export const openMenu = async (page: Page, group: string, leaf: string) => {
  const sider = page.locator('.workspace-sider');
  const item = sider.locator('.ant-menu-item').filter({ has: page.getByText(leaf, { exact: true }) });
  if (!(await item.isVisible())) {
    await sider
      .locator('.ant-menu-submenu-title')
      .filter({ has: page.getByText(group, { exact: true }) })
      .click();
    // The group slides open: a click while its items still move can land on the one above (a busy machine showed it).
    await settled(item);
  }
  await item.click();
  await page.locator('.ant-card-head-title', { hasText: leaf }).first().waitFor();
};

export const queueRow = (page: Page, text: string): Locator => page.locator('.review-queue .ant-table-row', { hasText: text });

/** Waits until the queue table has stopped loading (a refetch dims the rows), e.g. before a screenshot. */
export const queueIdle = async (page: Page) => {
  await page.locator('.review-queue .ant-table').waitFor();
  await page.locator('.review-queue .ant-spin-blur').waitFor({ state: 'detached' });
};

/** Clicks a row's 通过 and confirms it, then waits until the row has left the to-do list. */
export const approveInQueue = async (page: Page, text: string) => {
  const row = queueRow(page, text);
  await button(row, '通过').click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await settled(confirm);
  await button(confirm, '确定').click();
  await page.locator('.ant-message', { hasText: /已处理：审核通过|已审核通过，已转下一级审核/ }).waitFor();
  await row.waitFor({ state: 'detached' });
};
