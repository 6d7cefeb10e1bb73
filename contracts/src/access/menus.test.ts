import { describe, expect, it } from 'vitest';
import { menusByRole, permissionsOf, type MenuItem, type Permission } from './menus';
import { LoginRole } from './roles';

const leaves = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => (i.children ? leaves(i.children) : [i]));

describe('menus and permission codes', () => {
  it('types every code the menus hold, and refuses any other at compile time', () => {
    const known: Permission[] = ['org.admins', 'reviews.professionals', 'ops.outbox', 'statistics.certificates'];
    // @ts-expect-error a misspelt code is not a Permission (`tsc` fails if this line ever compiles)
    const typo: Permission = 'org.admin';
    expect(known.every((code) => LoginRole.options.some((role) => permissionsOf(role).includes(code)))).toBe(true);
    expect(LoginRole.options.some((role) => (permissionsOf(role) as string[]).includes(typo))).toBe(false);
  });

  it('gives every leaf a permission of its own key, and every queue is a leaf', () => {
    for (const role of LoginRole.options) {
      for (const leaf of leaves(menusByRole[role])) {
        expect(leaf.permission, `${role} ${leaf.key}`).toBe(leaf.key);
      }
    }
  });
});
