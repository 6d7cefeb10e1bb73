import type { Page } from 'playwright-core';
import { creditCodeCheckChar } from '@cep/contracts';
import type { Harness } from './harness';
import { button, settled } from './portal-actions';
import { solveSlider } from './browser';

let codeSeq = 0;
/** A valid credit code shaped like a real institution's (letters in the org part, so it never reads as an ID or phone). */
export const e2eCreditCode = () => {
  const first17 = `12410100MB${String(3_000_000 + codeSeq++).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

/** Picks an option of the antd Select with id `id`, typing `search` first when the select searches. */
/**
 * Picks 所学专业 in its tree. The tree zooms in: a click while it moves can miss (CI once left the field empty), so
 * it is clicked once still, and the field must show the choice before the form goes on.
 */
export const pickMajor = async (page: Page, name: string) => {
  await page.locator('#major').click();
  const tree = page.locator('.ant-select-dropdown:has(.ant-select-tree)');
  await settled(tree);
  await tree.locator('.ant-select-tree-title', { hasText: name }).first().click();
  await page
    .locator('.ant-form-item', { has: page.locator('#major') })
    .locator('.ant-select-content-has-value')
    .waitFor();
};

export const pickOption = async (page: Page, id: string, option: string, search?: string) => {
  await page.locator(`#${id}`).click();
  if (search) await page.locator(`#${id}`).fill(search);
  // The listbox of this select only: another select's dropdown may still be fading out.
  await page.locator(`.ant-select-dropdown:has(#${id}_list) .ant-select-item-option`, { hasText: option }).first().click();
  await page.locator(`.ant-select-dropdown:has(#${id}_list)`).waitFor({ state: 'hidden' });
};

/**
 * Types into the region cascader's search and picks the match whose path reads `path` ("河南省 / 郑州市"),
 * then waits until the field shows it; a click that lands while the dropdown is still moving is retried.
 */
export const pickRegion = async (page: Page, search: string, path: string) => {
  const field = page.locator('.ant-cascader:has(#regionCode)');
  const picked = path.split(' / ').at(-1)!;
  for (let attempt = 1; ; attempt++) {
    await page.locator('#regionCode').click();
    await page.locator('#regionCode').fill(search);
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: new RegExp(`^${path}$`) })
      .first()
      .click();
    const shown = await field
      .getByText(picked)
      .waitFor({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    if (attempt === 3) throw new Error(`地区未能选中: ${path}`);
  }
};

export type E2eApplicant = { idNumber: string; password: string; name: string; phone: string };

export const fillApplicant = async (page: Page, a: E2eApplicant) => {
  await page.locator('#applicant_idNumber').fill(a.idNumber);
  await page.locator('#applicant_password').fill(a.password);
  await page.locator('#applicant_confirmPassword').fill(a.password);
  await page.locator('#applicant_name').fill(a.name);
  await page.locator('#applicant_phone').fill(a.phone);
  await page.locator('#applicant_email').fill('e2e@example.cn');
};

export const openRegistration = async (page: Page, harness: Harness, role: 'employer' | 'professional' | 'authority' | 'provider') => {
  await page.goto(`${harness.baseUrl}/register?role=${role}`);
  await page.locator('#applicant_idNumber').waitFor();
};

/**
 * Solves the form's slider, clicks 提交注册 and waits for the success page. Tolerates a form already
 * submitted by Enter in a field (the button is gone or loading then), so callers cannot send the form twice.
 */
export const submitRegistration = async (page: Page, harness: Harness) => {
  await solveSlider(page, harness.db, page.locator('.registration-form'));
  const done = page.getByText('注册信息已提交', { exact: true });
  const submit = button(page, '提交注册');
  if (!(await done.isVisible()) && (await submit.isVisible())) await submit.click({ timeout: 2_000 }).catch(() => {});
  await done.waitFor();
};

/** Types a date into an antd DatePicker and picks that day's cell (Enter would also submit the form). */
export const pickDate = async (page: Page, id: string, date: string) => {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(date);
  await page.locator(`.ant-picker-dropdown .ant-picker-cell[title="${date}"]`).click();
};

/** Approves the open registration of `title` as the signed-in admin of `page`, through the engine's endpoint. */
export const approveThroughApi = async (page: Page, harness: Harness, titleLike: string) => {
  const request = await harness.db
    .selectFrom('request')
    .select(['id', 'version'])
    .where('title', 'like', `%${titleLike}%`)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const status = await page.evaluate(async ({ id, version }) => {
    const res = await fetch(`/api/reviews/${id}/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ version }),
    });
    return res.status;
  }, request);
  if (status !== 200) throw new Error(`approve returned ${status}`);
};
