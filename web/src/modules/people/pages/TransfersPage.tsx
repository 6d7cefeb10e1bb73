import { useState } from 'react';
import { Tabs } from 'antd';
import { ReviewQueuePage } from '../../reviews/pages/ReviewQueuePage';
import { TransferOutForm } from '../components/TransferOutForm';
import { TransferRecords } from '../components/TransferRecords';
import '../people.css';

/** 人员调转 of an employer or a bureau: decide 调入 / 调出 in the queue, send someone (人员调出), see 调转记录. */
export const TransfersPage = () => {
  const [tab, setTab] = useState('queue');
  return (
    <Tabs
      className="transfers-page"
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'queue', label: '调入调出审核', children: <ReviewQueuePage /> },
        { key: 'out', label: '人员调出', children: <TransferOutForm /> },
        { key: 'records', label: '调转记录', children: <TransferRecords /> },
      ]}
    />
  );
};
