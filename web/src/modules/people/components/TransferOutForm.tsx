import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PendingItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useDebounced } from '../../../components/use-debounced';
import { reviewKeys } from '../../reviews/reviews.api';
import { EmployerSearchSelect } from '../../registration/components/ChoiceSelects';
import { peopleApi, peopleKeys } from '../people.api';
import { PendingItems } from '../../reviews/components/PendingItems';

type Values = { personId: string; toEmployerId: string; transferDate: Dayjs; reason: string };

/** 本单位人员 by name or ID number: the people 人员调出 may send (masked ID numbers). */
const OwnPersonSelect = ({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) => {
  const [typed, setTyped] = useState('');
  const keyword = useDebounced(typed);
  const { data, isFetching } = useQuery({ queryKey: peopleKeys.orgPeople(keyword), queryFn: () => peopleApi.orgPeople(keyword) });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: (v) => setTyped(v.trim()) }}
      loading={isFetching}
      placeholder="输入姓名或身份证号搜索本单位人员"
      notFoundContent={isFetching ? '查询中…' : '本单位没有符合条件的人员'}
      options={(data?.items ?? []).map((p) => ({ value: p.personId, label: `${p.name}（${p.idNumberMasked}）${p.titleLabel}` }))}
    />
  );
};

/** 人员调出 (seed 002, 方式二): choose one of the org's people and the employer they go to; that employer accepts. */
export const TransferOutForm = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useMutation({
    mutationFn: (v: Values) => peopleApi.transferOut({ ...v, transferDate: v.transferDate.format('YYYY-MM-DD') }),
    onSuccess: (r) => {
      message.success(r.message);
      form.resetFields();
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: peopleKeys.all }), client.invalidateQueries({ queryKey: reviewKeys.all })]),
  });
  const pending = isApiError(send.error) ? ((send.error.details.pending as PendingItem[] | undefined) ?? []) : [];
  return (
    <Card title="人员调出" className="transfer-out">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="选择本单位需调出的人员和调入单位，提交后由调入单位管理员审核同意，即可完成调转；人员的学时记录随人员转移。"
      />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => send.mutate(v)} className="transfer-out__form">
        <Form.Item name="personId" label="调出人员" rules={[{ required: true, message: '请选择调出人员' }]}>
          <OwnPersonSelect />
        </Form.Item>
        <Form.Item name="toEmployerId" label="调入单位" rules={[{ required: true, message: '请选择调入单位' }]}>
          <EmployerSearchSelect />
        </Form.Item>
        <Form.Item name="transferDate" label="调入日期" rules={[{ required: true, message: '请选择调入日期' }]}>
          <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
        </Form.Item>
        <Form.Item name="reason" label="调转原因" rules={[{ required: true, whitespace: true, message: '请输入调转原因' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：工作调动" />
        </Form.Item>
        {send.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={isApiError(send.error) ? send.error.message : '提交失败，请稍后再试'}
            description={pending.length > 0 ? <PendingItems items={pending.map((p) => ({ ...p, canWithdraw: false }))} /> : undefined}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          提交调出申请
        </Button>
      </Form>
    </Card>
  );
};
