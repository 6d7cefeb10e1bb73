import { Link } from 'react-router';
import { Button, List, Popconfirm, Tag, Typography } from 'antd';
import type { PendingItem } from '@cep/contracts';
import { pathOfMenuKey } from '../../../access/menu';

/** What is done about one waiting item: decide it here, take it back, or ask the org whose turn it is. */
const ItemAction = ({ item, onWithdraw, busy }: { item: PendingItem; onWithdraw?: (id: string) => void; busy: boolean }) => {
  if (item.reviewMenuKey) return <Link to={pathOfMenuKey(item.reviewMenuKey)}>本单位待审核，去审核</Link>;
  if (item.canWithdraw && onWithdraw)
    return (
      <Popconfirm title="撤回后该申请不再审核，确定撤回？" onConfirm={() => onWithdraw(item.id)}>
        <Button size="small" danger loading={busy}>
          撤回
        </Button>
      </Popconfirm>
    );
  return (
    <Typography.Text type="secondary">
      {item.reviewerOrgName ? `请联系${item.reviewerOrgName}审核或驳回` : '请联系审核单位审核或驳回'}
    </Typography.Text>
  );
};

/** The requests that stop a change (a transfer, a superior change), each with what can be done about it. */
export const PendingItems = ({ items, onWithdraw, busyId }: { items: PendingItem[]; onWithdraw?: (id: string) => void; busyId?: string | null }) => (
  <List
    size="small"
    className="pending-items"
    dataSource={items}
    renderItem={(item) => (
      <List.Item actions={[<ItemAction key="action" item={item} onWithdraw={onWithdraw} busy={busyId === item.id} />]}>
        <List.Item.Meta title={item.title} description={<Tag>{`${item.kindLabel} · ${item.statusLabel}`}</Tag>} />
      </List.Item>
    )}
  />
);
