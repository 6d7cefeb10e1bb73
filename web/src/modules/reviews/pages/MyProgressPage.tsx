import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Pagination, Popconfirm, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { REVIEW_CONFLICT_MESSAGE, type MyRequestItem, type MyRequestsPage } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { reviewKeys, reviewsApi } from '../reviews.api';
import { daysWaited, requestStatusColors } from '../reviews.helpers';
import { StepHistory } from '../components/StepHistory';
import { AttachmentList } from '../components/AttachmentList';
import '../reviews.css';

const PAGE_SIZE = 10;

const RequestCard = ({
  item,
  onWithdraw,
  busy,
  withdrawLabel,
}: {
  item: MyRequestItem;
  onWithdraw: (i: MyRequestItem) => void;
  busy: boolean;
  withdrawLabel: string;
}) => (
  <Card
    size="small"
    className="review-progress__item"
    title={item.title}
    extra={<Tag color={requestStatusColors[item.status]}>{item.statusLabel}</Tag>}
  >
    <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginBottom: 12 }}>
      <Descriptions.Item label="申请类型">{item.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={item.decidedAt ? '办结时间' : '已等待'}>
        {item.decidedAt ? dayjs(item.decidedAt).format('YYYY-MM-DD HH:mm') : `${daysWaited(item.createdAt, null, new Date())} 天`}
      </Descriptions.Item>
      {item.waitingAt ? (
        <Descriptions.Item label="当前审核单位" span={{ xs: 1, md: 3 }}>
          <Space size={6} wrap>
            <span>{`${item.waitingAt.orgName}（本环节已等待 ${item.waitingAt.days} 天）`}</span>
            {item.waitingAt.phone ? <span>{`联系电话：${item.waitingAt.phone}`}</span> : null}
            {item.waitingAt.overdue ? <Tag color="red">已超期，可联系审核单位尽快处理</Tag> : null}
          </Space>
        </Descriptions.Item>
      ) : null}
      {item.filedByOrgName ? (
        <Descriptions.Item label="申报单位" span={{ xs: 1, md: 3 }}>
          {`由${item.filedByOrgName}代为申报；如需撤回，请联系该单位`}
        </Descriptions.Item>
      ) : null}
      {item.attachments.length > 0 ? (
        <Descriptions.Item label="附件" span={{ xs: 1, md: 3 }}>
          <AttachmentList attachments={item.attachments} />
        </Descriptions.Item>
      ) : null}
    </Descriptions>
    <StepHistory steps={item.steps} />
    {item.canWithdraw ? (
      <Popconfirm title="撤回后该申请不再审核，确定撤回？" onConfirm={() => onWithdraw(item)}>
        <Button danger loading={busy}>
          {withdrawLabel}
        </Button>
      </Popconfirm>
    ) : null}
  </Card>
);

/** Where the list's requests come from: by default the signed-in person's own (申报进度查询). */
export type RequestSource = { key: readonly unknown[]; fetch: (page: number, pageSize: number) => Promise<MyRequestsPage> };

const mine = (kind?: string): RequestSource => ({
  key: reviewKeys.mine({ kind }),
  fetch: (page, pageSize) => reviewsApi.mine({ page, pageSize, kind }),
});

/**
 * What I submitted (of one kind, or all), or what `source` gives (an org's 变更记录), where each request is in its
 * chain of reviews, and 撤回 while allowed.
 */
export const RequestProgressList = ({
  title,
  kind,
  source = mine(kind),
  empty = '暂无申报记录',
  withdrawLabel = '撤回申请',
}: {
  title: string;
  kind?: string;
  source?: RequestSource;
  empty?: string;
  withdrawLabel?: string;
}) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useQuery({
    queryKey: [...source.key, page],
    queryFn: () => source.fetch(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const withdraw = useMutation({
    mutationFn: (item: MyRequestItem) => reviewsApi.withdraw(item.id),
    onSuccess: () => message.success('申请已撤回'),
    onError: (e) => message.error(isApiError(e) && e.code === 'CONFLICT' ? REVIEW_CONFLICT_MESSAGE : isApiError(e) ? e.message : '撤回失败'),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: reviewKeys.all }), client.invalidateQueries({ queryKey: source.key })]),
  });
  return (
    <Card title={title} className="review-progress">
      {isLoading ? <Skeleton active /> : null}
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {data && data.items.length === 0 ? <Empty description={empty} /> : null}
      {data?.items.map((item) => (
        <RequestCard
          key={item.id}
          item={item}
          busy={withdraw.isPending && withdraw.variables?.id === item.id}
          withdrawLabel={withdrawLabel}
          onWithdraw={(i) => withdraw.mutate(i)}
        />
      ))}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onChange={setPage}
          showTotal={(t) => `共 ${t} 条`}
        />
      ) : null}
    </Card>
  );
};

/** 申报进度查询 of a professional: every request filed. */
export const MyProgressPage = () => <RequestProgressList title="申报进度查询" />;
