import { Table } from 'antd';
import type { ReviewQueuePage, ReviewQueueItem } from '@cep/contracts';
import { queueColumns, type RowActions } from './queue-columns';
import { queueTotalLabel } from '../reviews.helpers';

type Props = {
  data: ReviewQueuePage | undefined;
  loading: boolean;
  selectable: boolean;
  selected: ReviewQueueItem[];
  onSelect: (rows: ReviewQueueItem[]) => void;
  paging: { page: number; pageSize: number };
  onPage: (paging: { page: number; pageSize: number }) => void;
  actions: RowActions;
};

/** The queue's table: rows the admin may decide now can be selected for 批量审核; it scrolls sideways on a phone. */
export const QueueTable = ({ data, loading, selectable, selected, onSelect, paging, onPage, actions }: Props) => {
  const columns = queueColumns(actions, new Date());
  return (
    <Table<ReviewQueueItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      // The columns' widths and the selection column: a desktop shows them all, a phone scrolls.
      scroll={{ x: 1018 }}
      locale={{ emptyText: selectable ? '暂无待审核信息' : '暂无审核记录' }}
      rowSelection={
        selectable
          ? {
              selectedRowKeys: selected.map((i) => i.id),
              onChange: (_keys, rows) => onSelect(rows),
              getCheckboxProps: (r) => ({ disabled: !r.canDecide }),
            }
          : undefined
      }
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (t) => queueTotalLabel(t, data?.totalCapped),
        onChange: (page, pageSize) => onPage({ page, pageSize }),
      }}
    />
  );
};
