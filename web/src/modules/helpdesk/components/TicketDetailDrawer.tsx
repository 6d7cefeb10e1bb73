import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Grid, Input, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ticketStatusLabels, type TicketDetail } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskKeys, supportApi } from '../helpdesk.api';
import '../help-pages.css';

const Conversation = ({ ticket }: { ticket: TicketDetail }) => (
  <div className="ticket-detail__conversation">
    {ticket.conversation.length === 0 ? <Typography.Text type="secondary">（无对话记录）</Typography.Text> : null}
    {ticket.conversation.map((line, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a ticket's conversation is a fixed record, never reordered.
      <div key={i} className="ticket-detail__line">
        <Tag color={line.from === 'user' ? 'blue' : 'default'}>{line.from === 'user' ? '用户' : '智能客服'}</Tag>
        <span className="help-page__pre">{line.text}</span>
      </div>
    ))}
  </div>
);

const Replies = ({ ticket }: { ticket: TicketDetail }) => (
  <>
    {ticket.replies.map((r, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: replies are only ever appended.
      <div key={i} className="ticket-detail__reply">
        <div className="help-page__meta">
          {r.byName} · {dayjs(r.at).format('YYYY-MM-DD HH:mm')}
        </div>
        <div className="help-page__pre">{r.body}</div>
      </div>
    ))}
  </>
);

/** The reply box and the close button of an open ticket. */
const ReplyBox = ({ id, onDone }: { id: string; onDone: (t: TicketDetail) => void }) => {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const reply = useMutation({
    mutationFn: () => supportApi.reply(id, text.trim()),
    onSuccess: (t) => {
      onDone(t);
      setText('');
      message.success('回复已发送');
    },
  });
  const close = useMutation({
    mutationFn: () => supportApi.close(id),
    onSuccess: (t) => {
      onDone(t);
      message.success('工单已关闭');
    },
  });
  const failure = reply.error ?? close.error;
  return (
    <>
      {failure ? <Alert type="error" showIcon title={isApiError(failure) ? failure.message : '操作失败'} /> : null}
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={4000}
        placeholder="请输入回复内容"
        aria-label="回复内容"
      />
      <Space>
        <Button type="primary" disabled={!text.trim()} loading={reply.isPending} onClick={() => reply.mutate()}>
          发送回复
        </Button>
        <Popconfirm title="确定关闭该工单？关闭后不能再回复。" onConfirm={() => close.mutate()}>
          <Button loading={close.isPending}>关闭工单</Button>
        </Popconfirm>
      </Space>
    </>
  );
};

/** One ticket for support: contact (unmasked, the server audits the view), conversation, replies, reply box, close. */
export const TicketDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const client = useQueryClient();
  const isPhone = Grid.useBreakpoint().md === false;
  const {
    data: ticket,
    isLoading,
    error,
  } = useQuery({ queryKey: helpdeskKeys.ticket(id ?? ''), queryFn: () => supportApi.get(id!), enabled: Boolean(id) });
  const done = (updated: TicketDetail) => {
    client.setQueryData(helpdeskKeys.ticket(updated.id), updated);
    void client.invalidateQueries({ queryKey: ['helpdesk', 'tickets'] });
  };
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={ticket ? `工单 ${ticket.ticketNo}` : '工单详情'}
      closable={false}
      extra={<Button onClick={onClose}>关闭</Button>}
    >
      {isLoading ? <Skeleton active /> : null}
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 12 }} /> : null}
      {ticket ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态">{ticketStatusLabels[ticket.status]}</Descriptions.Item>
            <Descriptions.Item label="联系人">
              {ticket.contactName}
              {ticket.signedIn ? '（已登录用户）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="手机号">{ticket.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{ticket.contactEmail ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="问题">
              <span className="help-page__pre">{ticket.question}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            对话记录
          </Typography.Title>
          <Conversation ticket={ticket} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            回复记录
          </Typography.Title>
          <Replies ticket={ticket} />
          {ticket.status !== 'closed' ? <ReplyBox key={ticket.id} id={ticket.id} onDone={done} /> : null}
        </Space>
      ) : null}
    </Drawer>
  );
};
