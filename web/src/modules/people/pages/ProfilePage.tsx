import { useState } from 'react';
import { Card, Descriptions, Tabs } from 'antd';
import { useCurrentSession } from '../../../access/session';
import { RequestProgressList } from '../../reviews/pages/MyProgressPage';
import { TRANSFER_KIND } from '../people.api';
import { TransferPanel } from '../components/TransferPanel';
import '../people.css';

/** 用户资料管理: the professional's own facts, 单位调转 and 变更记录 (seed 001 修改信息, 单位调转). */
export const ProfilePage = () => {
  const session = useCurrentSession();
  const [tab, setTab] = useState('basic');
  return (
    <Card title="用户资料管理" className="profile-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'basic',
            label: '基本信息',
            children: (
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'name', label: '姓名', children: session.person.name },
                  { key: 'id', label: '证件号码', children: session.person.idNumberMasked },
                  { key: 'org', label: '所在单位', children: session.account.orgName ?? '—' },
                ]}
              />
            ),
          },
          { key: 'transfer', label: '单位调转', children: <TransferPanel /> },
          {
            key: 'history',
            label: '变更记录',
            children: <RequestProgressList title="变更记录" kind={TRANSFER_KIND} empty="暂无变更记录" />,
          },
        ]}
      />
    </Card>
  );
};
