import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet } from 'react-router';
import { Button, Drawer, Grid, Layout, Spin } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import type { SessionInfo } from '@cep/contracts';
import { isApiError } from '../api/client';
import { SESSION_TIMEOUT_NOTICE, useSession } from '../access/session';
import { menuOfSession } from '../access/menu';
import { ChangePasswordPage } from '../modules/account/pages/ChangePasswordPage';
import { SecondFactorPage } from '../modules/account/pages/SecondFactorPage';
import { PLATFORM_NAME } from '../platform-name';
import { HelpWidget } from '../modules/helpdesk/components/HelpWidget';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import './workspace.css';

const PageFallback = () => (
  <div className="page-fallback">
    <Spin />
  </div>
);

const Header = ({ session, isPhone, onOpenMenu }: { session: SessionInfo; isPhone: boolean; onOpenMenu?: () => void }) => (
  <Layout.Header className="workspace-header">
    {onOpenMenu ? (
      <Button type="text" className="workspace-header__toggle" icon={<MenuOutlined />} aria-label="打开菜单" onClick={onOpenMenu} />
    ) : null}
    <div className="workspace-header__title">{isPhone ? '继续教育信息服务平台' : PLATFORM_NAME}</div>
    <div className="workspace-header__right">
      {!isPhone && session.account.orgName ? <span className="workspace-header__org">{session.account.orgName}</span> : null}
      <UserMenu session={session} compact={isPhone} />
    </div>
  </Layout.Header>
);

/**
 * Shown instead of the workspace, with no menu, while the session owes something first: an admin's second
 * factor, then a password an admin reset.
 */
const OneStepOnly = ({ session, isPhone }: { session: SessionInfo; isPhone: boolean }) => (
  <Layout className="workspace">
    <Header session={session} isPhone={isPhone} />
    <Layout.Content className="workspace-content">
      {session.mfaStep ? <SecondFactorPage step={session.mfaStep} /> : <ChangePasswordPage />}
    </Layout.Content>
  </Layout>
);

const Workspace = ({ session }: { session: SessionInfo }) => {
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menu = useMemo(() => menuOfSession(session.account.role, session.permissions), [session]);
  if (session.mfaStep || session.mustChangePassword) return <OneStepOnly session={session} isPhone={isPhone} />;
  return (
    <Layout className="workspace">
      <Header session={session} isPhone={isPhone} onOpenMenu={isPhone ? () => setDrawerOpen(true) : undefined} />
      <Layout hasSider={!isPhone}>
        {isPhone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title="功能菜单"
            size={280}
            rootClassName="workspace-drawer"
            destroyOnHidden
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu items={menu} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={232} className="workspace-sider" theme="light">
            <SideMenu items={menu} />
          </Layout.Sider>
        )}
        <Layout.Content className="workspace-content">
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
          <HelpWidget role={session.account.role} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};

/** The signed-in shell: header, the role's menu, the page. Without a session it returns to the portal. */
export const WorkspaceLayout = () => {
  const { data: session, error, isPending } = useSession();
  if (session) return <Workspace session={session} />;
  if (isPending) return <PageFallback />;
  const expired = isApiError(error) && error.code === 'SESSION_EXPIRED';
  const notice = isApiError(error) && error.status === 401 ? (expired ? SESSION_TIMEOUT_NOTICE : '请先登录') : '无法获取登录信息，请重新登录';
  return <Navigate to="/" replace state={{ notice }} />;
};
