import { Button, List, Popconfirm, Tag, Typography } from 'antd';
import type { PendingItem } from '@cep/contracts';

/** The requests that stop a transfer, each with 撤回 where its applicant may still take it back. */
export const PendingItems = ({ items, onWithdraw, busyId }: { items: PendingItem[]; onWithdraw?: (id: string) => void; busyId?: string | null }) => (
  <List
    size="small"
    className="pending-items"
    dataSource={items}
    renderItem={(item) => (
      <List.Item
        actions={[
          item.canWithdraw && onWithdraw ? (
            <Popconfirm key="withdraw" title="撤回后该申请不再审核，确定撤回？" onConfirm={() => onWithdraw(item.id)}>
              <Button size="small" danger loading={busyId === item.id}>
                撤回
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text key="ask" type="secondary">
              请联系审核单位审核或驳回
            </Typography.Text>
          ),
        ]}
      >
        <List.Item.Meta title={item.title} description={<Tag>{`${item.kindLabel} · ${item.statusLabel}`}</Tag>} />
      </List.Item>
    )}
  />
);
