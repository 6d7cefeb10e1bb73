import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { RequestProgressList } from '../../reviews/pages/MyProgressPage';
import { CHANGE_KINDS } from '../people.api';
import { TransferPanel } from '../components/TransferPanel';
import { BasicInfoPanel } from '../components/BasicInfoPanel';
import '../people.css';

/** 用户资料管理: the professional's own facts, 单位调转 and 变更记录 (seed 001 修改信息, 单位调转). */
export const ProfilePage = () => {
  const [tab, setTab] = useState('basic');
  return (
    <Card title="用户资料管理" className="profile-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'basic',
            label: '基本信息修改',
            children: <BasicInfoPanel />,
          },
          { key: 'transfer', label: '单位调转', children: <TransferPanel /> },
          {
            key: 'history',
            label: '变更记录',
            children: <RequestProgressList title="变更记录" kind={CHANGE_KINDS} empty="暂无变更记录" />,
          },
        ]}
      />
    </Card>
  );
};
