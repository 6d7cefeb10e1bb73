import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReviewQueueItem } from '@cep/contracts';
import { daysWaited, requestStatusColors } from '../reviews.helpers';

export type RowActions = {
  show: (item: ReviewQueueItem) => void;
  approve: (item: ReviewQueueItem) => void;
  reject: (item: ReviewQueueItem) => void;
};

const isOpen = (item: ReviewQueueItem) => item.status === 'pending' || item.status === 'inReview';

const TwoLines = ({ first, second }: { first: string; second: string }) => (
  <>
    <div>{first}</div>
    <Typography.Text type="secondary" className="review-queue__sub">
      {second}
    </Typography.Text>
  </>
);

const currentStep = (item: ReviewQueueItem) =>
  isOpen(item) ? (
    <TwoLines first={`第 ${item.currentStep}/${item.stepCount} 步`} second={item.currentReviewerOrgName ?? '—'} />
  ) : (
    <TwoLines first="已办结" second={item.decidedAt ? dayjs(item.decidedAt).format('YYYY-MM-DD HH:mm') : '—'} />
  );

const RowButtons = ({ item, actions }: { item: ReviewQueueItem; actions: RowActions }) => (
  <Space size={0} wrap>
    <Button type="link" size="small" onClick={() => actions.show(item)}>
      详情
    </Button>
    {item.canDecide ? (
      <>
        <Popconfirm title="通过代表申请信息属实，确定通过？" onConfirm={() => actions.approve(item)}>
          <Button type="link" size="small">
            通过
          </Button>
        </Popconfirm>
        <Button type="link" size="small" danger onClick={() => actions.reject(item)}>
          驳回
        </Button>
      </>
    ) : null}
  </Space>
);

/** The queue's columns; 操作 stays fixed on the right so a phone can reach it while the rest scrolls. */
export const queueColumns = (actions: RowActions, now: Date): TableColumnsType<ReviewQueueItem> => [
  { title: '申请人', key: 'applicant', width: 120, render: (_v, r) => <TwoLines first={r.applicantName} second={r.applicantIdNumberMasked} /> },
  { title: '申请事项', dataIndex: 'title', width: 200 },
  { title: '单位 / 地区', key: 'org', width: 150, render: (_v, r) => <TwoLines first={r.subjectOrgName} second={r.subjectRegionName ?? '—'} /> },
  { title: '提交日期', dataIndex: 'createdAt', width: 100, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  {
    title: '等待天数',
    key: 'waited',
    width: 80,
    render: (_v, r) => (
      <Space size={2} wrap>
        {`${daysWaited(r.createdAt, r.decidedAt, now)} 天`}
        {r.overdue ? <Tag color="red">超期</Tag> : null}
      </Space>
    ),
  },
  { title: '当前环节', key: 'step', width: 124, render: (_v, r) => currentStep(r) },
  { title: '状态', dataIndex: 'status', width: 84, render: (_v, r) => <Tag color={requestStatusColors[r.status]}>{r.statusLabel}</Tag> },
  { title: '操作', key: 'actions', width: 128, fixed: 'right', render: (_v, r) => <RowButtons item={r} actions={actions} /> },
];
