import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Grid, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReviewDetail } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { reviewKeys, reviewsApi } from '../reviews.api';
import { requestStatusColors } from '../reviews.helpers';
import { StepHistory } from './StepHistory';
import { AttachmentList } from './AttachmentList';

type Decisions = {
  onApprove: (item: ReviewDetail) => void;
  onReject: (item: ReviewDetail) => void;
  onRevoke: (item: ReviewDetail) => void;
  busy: boolean;
};

/** Without `actions` the drawer only shows (a records page); decisions are taken in the queue. */
type Props = { id: string | null; onClose: () => void; actions?: Decisions };

const shown = (value: string | number | boolean | null) => {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
};

/** A change: the value it replaces beside the new one (the reviewer compares them; an unchanged one is plain). */
const ChangedValue = ({ previous, value }: { previous: string; value: string }) =>
  previous === value ? (
    <span>{value}</span>
  ) : (
    <Space size={6} wrap className="review-detail__change">
      <Typography.Text type="secondary" delete>
        {previous}
      </Typography.Text>
      <span aria-hidden>→</span>
      <Typography.Text strong>{value}</Typography.Text>
      <Tag color="orange">已修改</Tag>
    </Space>
  );

const DetailBody = ({ item, onReveal }: { item: ReviewDetail; onReveal: () => void }) => (
  <Space direction="vertical" size={16} style={{ width: '100%' }}>
    {item.canReveal ? (
      <Alert
        type="info"
        showIcon
        title="证件号码、手机号已隐藏部分数字。核对证件照片时可查看完整号码（将记录查看日志）。"
        action={
          <Button size="small" onClick={onReveal}>
            查看完整号码
          </Button>
        }
      />
    ) : null}
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="申请类型">{item.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={requestStatusColors[item.status]}>{item.statusLabel}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="提交时间">{dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      {item.fields.map((f) => (
        <Descriptions.Item key={f.label} label={f.label}>
          {f.previous === undefined ? shown(f.value) : <ChangedValue previous={shown(f.previous)} value={shown(f.value)} />}
        </Descriptions.Item>
      ))}
      {item.attachments.length > 0 ? (
        <Descriptions.Item label="附件">
          <AttachmentList attachments={item.attachments} />
        </Descriptions.Item>
      ) : null}
    </Descriptions>
    <Typography.Title level={5} style={{ margin: 0 }}>
      审核记录
    </Typography.Title>
    <StepHistory steps={item.steps} />
  </Space>
);

const DecisionButtons = ({ item, busy, onApprove, onReject }: Decisions & { item: ReviewDetail }) => (
  <Space>
    <Button danger disabled={busy} onClick={() => onReject(item)}>
      驳回
    </Button>
    <Popconfirm title="通过代表申请信息属实，确定通过？" onConfirm={() => onApprove(item)}>
      <Button type="primary" loading={busy}>
        通过
      </Button>
    </Popconfirm>
  </Space>
);

/** What the admin may do with the request now: decide its current step, or take back its own last approval. */
const Footer = ({ item, ...actions }: Decisions & { item: ReviewDetail }) => {
  if (item.canDecide) return <DecisionButtons item={item} {...actions} />;
  if (!item.canRevoke) return null;
  return (
    <Button danger disabled={actions.busy} onClick={() => actions.onRevoke(item)}>
      审验不通过
    </Button>
  );
};

/** 详情: the request's fields as its kind presents them (already masked) and its review history. */
export const ReviewDetailDrawer = ({ id, onClose, actions }: Props) => {
  const isPhone = Grid.useBreakpoint().md === false;
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = revealed !== null && revealed === id;
  const { data, isLoading, error } = useQuery({
    queryKey: reviewKeys.detail(id ?? '', reveal),
    queryFn: () => reviewsApi.detail(id!, reveal),
    enabled: Boolean(id),
  });
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={data ? data.title : '申请详情'}
      className="review-detail"
      footer={actions && data && (data.canDecide || data.canRevoke) ? <Footer item={data} {...actions} /> : null}
    >
      {isLoading ? <Skeleton active /> : null}
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {data ? <DetailBody item={data} onReveal={() => setRevealed(id)} /> : null}
    </Drawer>
  );
};
