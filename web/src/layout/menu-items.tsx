import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  ReadOutlined,
  TeamOutlined,
  ToolOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MenuItem } from '@cep/contracts';

const topIcons: Record<string, ReactNode> = {
  accounts: <TeamOutlined />,
  reviews: <AuditOutlined />,
  claims: <ClockCircleOutlined />,
  statistics: <BarChartOutlined />,
  portal: <NotificationOutlined />,
  ops: <ToolOutlined />,
  hoursSync: <ApiOutlined />,
  training: <ReadOutlined />,
  'org.profile': <IdcardOutlined />,
  'imports.people': <UploadOutlined />,
  'me.profile': <IdcardOutlined />,
  'me.claims': <ClockCircleOutlined />,
  'me.progress': <AuditOutlined />,
  'me.completion': <BarChartOutlined />,
  'me.inbox': <NotificationOutlined />,
};

export const HOME_MENU_KEY = 'home';

type AntItem = NonNullable<MenuProps['items']>[number];

const toAntItem = (item: MenuItem, depth: number): AntItem => {
  const icon = depth === 0 ? (topIcons[item.key] ?? <AppstoreOutlined />) : undefined;
  if (item.children) return { key: item.key, label: item.label, icon, children: item.children.map((c) => toAntItem(c, depth + 1)) };
  return { key: item.key, label: item.label, icon };
};

/** The role's menu as antd items, with the workspace home first. */
export const toAntMenuItems = (items: MenuItem[]): AntItem[] => [
  { key: HOME_MENU_KEY, label: '工作台首页', icon: <HomeOutlined /> },
  ...items.map((item) => toAntItem(item, 0)),
];
