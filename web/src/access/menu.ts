import { menusByRole, type LoginRole, type MenuItem } from '@cep/contracts';

/**
 * The menu items an account may see: leaves whose permission it holds (or that need none), and
 * groups that still have a visible child. The server checks every API call again; this only hides.
 */
export const filterMenu = (items: readonly MenuItem[], permissions: Iterable<string>): MenuItem[] => {
  const granted = new Set(permissions);
  const visit = (list: readonly MenuItem[]): MenuItem[] =>
    list.flatMap((item) => {
      if (item.children) {
        const children = visit(item.children);
        return children.length ? [{ ...item, children }] : [];
      }
      return !item.permission || granted.has(item.permission) ? [item] : [];
    });
  return visit(items);
};

export const menuOfSession = (role: LoginRole, permissions: Iterable<string>) => filterMenu(menusByRole[role], permissions);

/** The leaf with this key, searched depth-first. */
export const findMenuItem = (items: readonly MenuItem[], key: string): MenuItem | undefined => {
  for (const item of items) {
    if (item.key === key && !item.children) return item;
    const found = item.children ? findMenuItem(item.children, key) : undefined;
    if (found) return found;
  }
  return undefined;
};

/** The keys of the groups that lead to a leaf, so the side menu can open them. */
export const groupKeysOf = (items: readonly MenuItem[], key: string): string[] => {
  for (const item of items) {
    if (!item.children) continue;
    if (findMenuItem(item.children, key)) return [item.key, ...groupKeysOf(item.children, key)];
  }
  return [];
};

export const WORKSPACE_PATH = '/workspace';

/** Menu key 'ops.outbox' lives at /workspace/ops/outbox. */
export const pathOfMenuKey = (key: string) => `${WORKSPACE_PATH}/${key.split('.').join('/')}`;

export const menuKeyOfPath = (pathname: string): string | null => {
  if (!pathname.startsWith(`${WORKSPACE_PATH}/`)) return null;
  const rest = pathname.slice(WORKSPACE_PATH.length + 1).replace(/\/+$/, '');
  return rest ? rest.split('/').join('.') : null;
};
