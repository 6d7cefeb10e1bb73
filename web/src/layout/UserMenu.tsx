import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionInfo } from '@cep/contracts';
import { authApi } from '../api/auth.api';
import { WORKSPACE_PATH } from '../access/menu';

/** The user's name in the header; its menu holds 修改密码 and 退出登录, as the manuals describe. */
export const UserMenu = ({ session, compact }: { session: SessionInfo; compact: boolean }) => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSettled: async () => {
      await navigate('/', { replace: true, state: { notice: '您已安全退出登录' } });
      queryClient.clear();
    },
  });
  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', disabled: session.mustChangePassword },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(`${WORKSPACE_PATH}/account/password`);
    if (key === 'logout') logout.mutate();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" className="workspace-user" aria-label="用户菜单" data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} className="workspace-user__avatar" />
        {compact ? null : <span className="workspace-user__name">{session.person.name}</span>}
        <DownOutlined className="workspace-user__caret" />
      </button>
    </Dropdown>
  );
};
