import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ticketStatusLabels, type TicketView } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskApi } from '../helpdesk.api';
import '../help-pages.css';

const statusColor = { open: 'orange', answered: 'green', closed: 'default' } as const;

/** A ticket as its asker sees it: question, state and the support replies. */
export const TicketReplies = ({ ticket }: { ticket: TicketView }) => (
  <div data-testid="ticket-view">
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="工单号">{ticket.ticketNo}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={statusColor[ticket.status]}>{ticketStatusLabels[ticket.status]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="提交时间">{dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label="问题">
        <span className="help-page__pre">{ticket.question}</span>
      </Descriptions.Item>
    </Descriptions>
    <Typography.Title level={5}>客服回复</Typography.Title>
    {ticket.replies.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="客服尚未回复，请稍后再来查看" />
    ) : (
      <Timeline
        items={ticket.replies.map((r) => ({
          content: (
            <div>
              <div className="help-page__meta">{dayjs(r.at).format('YYYY-MM-DD HH:mm')}</div>
              <div className="help-page__pre">{r.body}</div>
            </div>
          ),
        }))}
      />
    )}
  </div>
);

/** 工单查询: an anonymous asker reads the reply with the ticket number and the access code shown at submission. */
export const TicketLookupPage = () => {
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const lookup = async (values: { ticketNo: string; accessCode: string }) => {
    setLoading(true);
    setError(null);
    try {
      setTicket(await helpdeskApi.lookupTicket(values.ticketNo.trim(), values.accessCode.trim()));
    } catch (e) {
      setTicket(null);
      setError(isApiError(e) ? e.message : '查询失败，请稍后再试');
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="help-page help-page--narrow">
      <Card title="工单查询">
        <Typography.Paragraph type="secondary">
          输入转人工时显示的工单号和查询码，查看客服回复。已登录的用户也可在<Link to="/workspace/me/inbox">消息中心</Link>查看。
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={lookup}>
          <Form.Item name="ticketNo" label="工单号" rules={[{ required: true, whitespace: true, message: '请输入工单号' }]}>
            <Input placeholder="如：KF20261122-000123" maxLength={40} />
          </Form.Item>
          <Form.Item name="accessCode" label="查询码" rules={[{ required: true, whitespace: true, message: '请输入查询码' }]}>
            <Input placeholder="8位查询码" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            查询
          </Button>
        </Form>
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
        {ticket ? (
          <div style={{ marginTop: 16 }}>
            <TicketReplies ticket={ticket} />
          </div>
        ) : null}
      </Card>
    </div>
  );
};
