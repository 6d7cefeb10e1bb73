import { List, Modal, Result } from 'antd';
import type { BatchSummary } from '../reviews.helpers';

const statusOfTone = { success: 'success', warning: 'warning', error: 'error' } as const;

/** The per-item outcome of a batch decision: "N 条成功，M 条失败" and why each failure failed. */
export const BatchResultDialog = ({ summary, note, onClose }: { summary: BatchSummary | null; note: string; onClose: () => void }) => (
  <Modal
    open={Boolean(summary)}
    title="批量审核结果"
    onCancel={onClose}
    onOk={onClose}
    cancelButtonProps={{ style: { display: 'none' } }}
    okText="知道了"
  >
    {summary ? (
      <div className="review-batch-result">
        <Result status={statusOfTone[summary.tone]} title={summary.text} subTitle={note} style={{ padding: '16px 0' }} />
        {summary.failures.length > 0 ? (
          <List
            size="small"
            bordered
            header="处理失败的申请"
            dataSource={summary.failures}
            renderItem={(f) => (
              <List.Item key={f.id}>
                <List.Item.Meta title={f.title} description={f.message} />
              </List.Item>
            )}
          />
        ) : null}
      </div>
    ) : null}
  </Modal>
);
