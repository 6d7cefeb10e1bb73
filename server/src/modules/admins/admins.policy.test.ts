import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';
import { assertCanGrant, assertCanManage, assertModulesOfOrgKind } from './admins.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  sessionId: 's',
  personId: 'p',
  personName: '张三',
  personIdNumber: '410102199001011234',
  accountId: 'me',
  accountKind: 'admin',
  role: 'employer',
  orgId: 'o',
  orgKind: 'employer',
  orgName: '单位',
  orgPath: '/o/',
  isSuperAdmin: false,
  permissions: new Set(['org.admins', 'claims.review']),
  mustChangePassword: false,
  mfaStep: null,
  ...over,
});

const code = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('admins policy', () => {
  it.each([
    ['employer', ['claims.review', 'subordinates.employers'], null],
    ['employer', ['subordinates.bureaus'], 'VALIDATION_FAILED'],
    ['provider', ['training.plans'], null],
    ['provider', ['claims.review'], 'VALIDATION_FAILED'],
    ['hrBureau', ['notices.manage', 'subordinates.bureaus'], null],
  ] as const)('a %s role may hold %j: %s', (role, permissions, expected) => {
    expect(code(() => assertModulesOfOrgKind(actor({ role, orgKind: role }), [...permissions]))).toBe(expected);
  });

  it.each([
    [false, ['claims.review'], null],
    [false, ['claims.review', 'imports.people'], 'FORBIDDEN'],
    [true, ['claims.review', 'imports.people'], null],
  ] as const)('super=%s granting %j: %s', (isSuperAdmin, permissions, expected) => {
    expect(code(() => assertCanGrant(actor({ isSuperAdmin }), [...permissions]))).toBe(expected);
  });

  it.each([
    [{ accountId: 'me', isSuperAdmin: false }, 'FORBIDDEN'],
    [{ accountId: 'boss', isSuperAdmin: true }, 'FORBIDDEN'],
    [{ accountId: 'clerk', isSuperAdmin: false }, null],
  ])('managing %j: %s', (target, expected) => {
    expect(code(() => assertCanManage(actor(), target))).toBe(expected);
  });

  it("refuses an initial password made of the person's ID number or phone", () => {
    const person = { idNumber: '410102199001011234', phone: '13912345678' };
    expect(code(() => assertPasswordPolicy('Ab011234x', person))).toBe('PASSWORD_POLICY');
    expect(code(() => assertPasswordPolicy('x12345678A', person))).toBe('PASSWORD_POLICY');
    expect(code(() => assertPasswordPolicy('Zq7#kLm2wx', person))).toBe(null);
  });
});
