import { menusByRole, type LoginRole, type MenuItem } from '@cep/contracts';

/** A checkable tree node of the permission modules a role may hold. */
export type ModuleNode = { key: string; title: string; disabled?: boolean; children?: ModuleNode[] };

/**
 * The modules of the org kind's menu as a tree; a non-super admin may grant only what it holds, so the rest
 * is shown disabled. Groups left with no leaf are dropped.
 */
export const moduleTree = (role: LoginRole, held: ReadonlySet<string> | null): ModuleNode[] => {
  const visit = (items: readonly MenuItem[]): ModuleNode[] =>
    items.flatMap((item): ModuleNode[] => {
      if (item.children) {
        const children = visit(item.children);
        return children.length ? [{ key: `group:${item.key}`, title: item.label, children }] : [];
      }
      if (!item.permission) return [];
      return [{ key: item.permission, title: item.label, disabled: held ? !held.has(item.permission) : false }];
    });
  return visit(menusByRole[role]);
};

/** The permission modules among checked tree keys (group keys are only for display). */
export const modulesOfChecked = (keys: readonly string[]) => keys.filter((k) => !k.startsWith('group:'));

/** Module code -> menu label, for showing a role's modules by name. */
export const moduleLabels = (role: LoginRole): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (items: readonly MenuItem[]) => {
    for (const i of items) {
      if (i.permission) out[i.permission] = i.label;
      else walk(i.children ?? []);
    }
  };
  walk(menusByRole[role]);
  return out;
};
