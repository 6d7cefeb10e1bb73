import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Descriptions, Form, Input, Result, Typography } from 'antd';
import type { TicketCreated } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskApi } from '../helpdesk.api';
import { conversationOf, type ChatMessage } from './chat-types';

type Values = { question: string; contactName: string; contactPhone?: string; contactEmail?: string };
type Props = { messages: ChatMessage[]; initialQuestion: string; onBack: () => void };

const PHONE = /^1\d{10}$/;

/** After submission: the ticket number and the one-time access code, with where to read the reply. */
const Created = ({ ticket, onBack }: { ticket: TicketCreated; onBack: () => void }) => (
  <Result
    status="success"
    title="已转人工，客服将尽快回复"
    subTitle="请记下工单号和查询码，登录后可在消息中心查看回复，未登录可在“工单查询”中查看。"
    extra={[
      <Button key="back" onClick={onBack}>
        返回问答
      </Button>,
      <Link key="lookup" to="/help/ticket">
        <Button type="primary">工单查询</Button>
      </Link>,
    ]}
  >
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="工单号">
        <Typography.Text copyable strong data-testid="ticket-no">
          {ticket.ticketNo}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="查询码">
        <Typography.Text copyable strong data-testid="access-code">
          {ticket.accessCode}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  </Result>
);

/** Phone or e-mail: at least one, so support can reach an anonymous asker. */
const ContactFields = () => (
  <>
    <Form.Item name="contactName" label="联系人姓名" rules={[{ required: true, whitespace: true, message: '请填写联系人姓名' }]}>
      <Input maxLength={40} />
    </Form.Item>
    <Form.Item name="contactPhone" label="手机号" rules={[{ pattern: PHONE, message: '请输入11位手机号' }]}>
      <Input maxLength={11} inputMode="numeric" />
    </Form.Item>
    <Form.Item
      name="contactEmail"
      label="电子邮箱"
      dependencies={['contactPhone']}
      rules={[
        { type: 'email', message: '请输入正确的电子邮箱' },
        ({ getFieldValue }) => ({
          validator: async (_r, value) => {
            if (!value && !getFieldValue('contactPhone')) throw new Error('请填写手机号或电子邮箱，以便客服联系您');
          },
        }),
      ]}
    >
      <Input maxLength={100} />
    </Form.Item>
  </>
);

const useCreateTicket = (messages: ChatMessage[]) => {
  const [ticket, setTicket] = useState<TicketCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const contactPhone = values.contactPhone?.trim() || undefined;
      const contactEmail = values.contactEmail?.trim() || undefined;
      setTicket(await helpdeskApi.createTicket({ ...values, contactPhone, contactEmail, conversation: conversationOf(messages) }));
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };
  return { ticket, error, submitting, submit };
};

/** 转人工: the question, the conversation so far, and a way to reach the asker (phone or e-mail). */
export const HandoffForm = ({ messages, initialQuestion, onBack }: Props) => {
  const { ticket, error, submitting, submit } = useCreateTicket(messages);
  if (ticket) return <Created ticket={ticket} onBack={onBack} />;
  return (
    <Form layout="vertical" initialValues={{ question: initialQuestion }} onFinish={submit} className="help-handoff">
      <Typography.Paragraph type="secondary">请留下问题和联系方式，平台客服会在工作时间内回复您。</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="question" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <ContactFields />
      <div className="help-handoff__buttons">
        <Button onClick={onBack}>返回问答</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          提交工单
        </Button>
      </div>
    </Form>
  );
};
