import { describe, expect, it } from 'vitest';
import { menusByRole, permissionsOf, type MenuItem } from '@cep/contracts';
import { filterMenu, findMenuItem, groupKeysOf, menuKeyOfPath, menuOfSession, pathOfMenuKey } from './menu';

const keysOf = (items: MenuItem[]): string[] => items.flatMap((i) => [i.key, ...keysOf(i.children ?? [])]);

describe('filterMenu', () => {
  it('keeps only the leaves whose permission the account holds and drops emptied groups', () => {
    const menu = filterMenu(menusByRole.hrBureau, ['claims.review', 'statistics.people']);
    expect(keysOf(menu)).toEqual(['claims', 'claims.review', 'statistics', 'statistics.people']);
  });

  it('shows nothing to an admin whose role grants no module', () => {
    expect(filterMenu(menusByRole.employer, [])).toEqual([]);
  });

  it('ignores permissions of another role', () => {
    expect(keysOf(menuOfSession('platform', ['claims.review', 'ops.outbox']))).toEqual(['ops', 'ops.outbox']);
  });

  it('shows a super admin (all modules of the role) the whole menu', () => {
    expect(menuOfSession('hrBureau', permissionsOf('hrBureau'))).toEqual(menusByRole.hrBureau);
  });

  it('keeps items that need no permission', () => {
    const items: MenuItem[] = [
      { key: 'free', label: '公开' },
      { key: 'locked', label: '受限', permission: 'x.y' },
    ];
    expect(keysOf(filterMenu(items, []))).toEqual(['free']);
  });
});

describe('menu keys and paths', () => {
  it('maps a key to a workspace path and back', () => {
    expect(pathOfMenuKey('ops.outbox')).toBe('/workspace/ops/outbox');
    expect(menuKeyOfPath('/workspace/ops/outbox')).toBe('ops.outbox');
    expect(menuKeyOfPath('/workspace')).toBeNull();
    expect(menuKeyOfPath('/register')).toBeNull();
  });

  it('finds a nested leaf and the groups that lead to it', () => {
    const menu = menusByRole.employer;
    expect(findMenuItem(menu, 'subordinates.employers')?.label).toBe('管理二级单位');
    expect(groupKeysOf(menu, 'subordinates.employers')).toEqual(['accounts', 'account.children']);
    expect(findMenuItem(menu, 'accounts')).toBeUndefined();
  });
});
