import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, Card, Result } from 'antd';
import type { Permission } from '@cep/contracts';
import { findMenuItem, menuKeyOfPath, menuOfSession, WORKSPACE_PATH } from '../../../access/menu';
import { useCurrentSession } from '../../../access/session';
import { menuPages } from '../menu-pages';

const backHome = (
  <Link to={WORKSPACE_PATH}>
    <Button type="primary">返回工作台首页</Button>
  </Link>
);

/** One menu leaf: its page when built, "建设中" when not, and "not found" for keys outside the account's menu. */
export const MenuPage = () => {
  const session = useCurrentSession();
  const { pathname } = useLocation();
  const menu = useMemo(() => menuOfSession(session.account.role, session.permissions), [session]);
  const key = menuKeyOfPath(pathname);
  const item = key ? findMenuItem(menu, key) : undefined;
  if (!key || !item) {
    return (
      <Card>
        <Result status="404" title="页面不存在或您无权访问" subTitle="请从左侧菜单选择功能" extra={backHome} />
      </Card>
    );
  }
  const Page = item.built && item.permission ? menuPages[item.permission as Permission] : undefined;
  if (Page) return <Page />;
  return (
    <Card title={item.label}>
      <Result status="info" title={item.label} subTitle="该功能正在建设中" extra={backHome} />
    </Card>
  );
};
