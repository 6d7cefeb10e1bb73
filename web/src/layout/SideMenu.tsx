import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Menu } from 'antd';
import type { MenuItem } from '@cep/contracts';
import { WORKSPACE_PATH, groupKeysOf, menuKeyOfPath, pathOfMenuKey } from '../access/menu';
import { HOME_MENU_KEY, toAntMenuItems } from './menu-items';

/** The role's modules as an inline menu; used in the sider on wide screens and in the drawer on phones. */
export const SideMenu = ({ items, onNavigate }: { items: MenuItem[]; onNavigate?: () => void }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const selected = menuKeyOfPath(location.pathname) ?? HOME_MENU_KEY;
  const [openKeys, setOpenKeys] = useState<string[]>(() => groupKeysOf(items, selected));
  const antItems = useMemo(() => toAntMenuItems(items), [items]);
  return (
    <Menu
      mode="inline"
      items={antItems}
      selectedKeys={[selected]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        void navigate(key === HOME_MENU_KEY ? WORKSPACE_PATH : pathOfMenuKey(key));
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
};
