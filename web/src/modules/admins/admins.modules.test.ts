import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@cep/contracts';
import { moduleLabels, modulesOfChecked, moduleTree, type ModuleNode } from './admins.modules';

const leaves = (nodes: ModuleNode[]): ModuleNode[] => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

describe('permission module tree', () => {
  it("offers exactly the org kind's modules, grouped as in its menu", () => {
    const tree = moduleTree('employer', null);
    expect(
      leaves(tree)
        .map((n) => n.key)
        .sort(),
    ).toEqual(permissionsOf('employer').sort());
    expect(tree[0]).toMatchObject({ key: 'group:accounts', title: '账户管理' });
  });

  it('disables the modules a non-super admin does not hold', () => {
    const tree = leaves(moduleTree('hrBureau', new Set(['org.roles', 'claims.review'])));
    expect(
      tree
        .filter((n) => !n.disabled)
        .map((n) => n.key)
        .sort(),
    ).toEqual(['claims.review', 'org.roles']);
  });

  it('keeps only module codes from checked keys, and names modules by their menu label', () => {
    expect(modulesOfChecked(['group:accounts', 'org.admins', 'org.roles'])).toEqual(['org.admins', 'org.roles']);
    expect(moduleLabels('hrBureau')['subordinates.employers']).toBe('管理用人单位');
    expect(moduleLabels('employer')['subordinates.employers']).toBe('管理二级单位');
  });
});
