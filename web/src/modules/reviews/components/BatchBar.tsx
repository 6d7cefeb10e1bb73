import { Button, Popconfirm, Space, Typography } from 'antd';

type Props = { count: number; busy: boolean; onApprove: () => void; onReject: () => void; onClear: () => void };

/** 批量审核 over the selected rows: 批量通过 asks once, 批量驳回 asks for the one reason all of them get. */
export const BatchBar = ({ count, busy, onApprove, onReject, onClear }: Props) => (
  <div className="review-queue__batch">
    <Typography.Text>{count > 0 ? `已选择 ${count} 条` : '勾选待审核信息后可批量审核'}</Typography.Text>
    <Space wrap>
      <Popconfirm title={`确定通过选中的 ${count} 条申请？`} onConfirm={onApprove} disabled={count === 0}>
        <Button type="primary" disabled={count === 0} loading={busy}>
          批量通过
        </Button>
      </Popconfirm>
      <Button danger disabled={count === 0 || busy} onClick={onReject}>
        批量驳回
      </Button>
      {count > 0 ? (
        <Button type="link" onClick={onClear}>
          取消选择
        </Button>
      ) : null}
    </Space>
  </div>
);
