import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Skeleton, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PendingItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { reviewKeys, reviewsApi } from '../../reviews/reviews.api';
import { EmployerSearchSelect } from '../../registration/components/ChoiceSelects';
import { peopleApi, peopleKeys } from '../people.api';
import { PendingItems } from '../../reviews/components/PendingItems';

type Values = { toEmployerId: string; transferDate: Dayjs; reason: string };

/**
 * 单位调转 (seed 002 FAQ 20): the three starred fields; the employer the person leaves approves out, the new one
 * approves in. Open requests stop it (listed, with 撤回); one in progress is shown with 撤回 instead of the form.
 */
export const TransferPanel = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const view = useQuery({ queryKey: peopleKeys.myTransfer, queryFn: peopleApi.myTransfer });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: peopleKeys.all }), client.invalidateQueries({ queryKey: reviewKeys.all })]);
  const apply = useMutation({
    mutationFn: (v: Values) => peopleApi.applyForTransfer({ ...v, transferDate: v.transferDate.format('YYYY-MM-DD') }),
    onSuccess: (r) => {
      message.success(r.message);
      form.resetFields();
    },
    onSettled: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => reviewsApi.withdraw(id),
    onSuccess: () => message.success('已撤回'),
    onError: (e) => message.error(isApiError(e) ? e.message : '撤回失败'),
    onSettled: refresh,
  });
  if (view.isLoading) return <Skeleton active />;
  if (view.error || !view.data) return <Alert type="error" showIcon title={isApiError(view.error) ? view.error.message : '加载失败'} />;
  const { employer, pending, open } = view.data;
  const refusedWith = isApiError(apply.error) ? ((apply.error.details.pending as PendingItem[] | undefined) ?? []) : [];
  const blocking = pending.length > 0 ? pending : refusedWith;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="transfer-panel">
      <Descriptions size="small" column={1} bordered items={[{ key: 'employer', label: '现所在单位', children: employer.name }]} />
      {open ? (
        <Alert
          type="info"
          showIcon
          title="您有单位调转申请正在审核中"
          description={`${open.title}（${open.statusLabel}）。原单位同意转出、新单位同意调入后生效；审核进度见“变更记录”。`}
          action={
            open.canWithdraw ? (
              <Popconfirm title="撤回后该调转申请不再审核，确定撤回？" onConfirm={() => withdraw.mutate(open.id)}>
                <Button danger size="small" loading={withdraw.isPending}>
                  撤回
                </Button>
              </Popconfirm>
            ) : null
          }
        />
      ) : null}
      {!open && blocking.length > 0 ? (
        <Card size="small" title="您有待审核的信息，处理后才能调转单位" className="transfer-panel__pending">
          <PendingItems items={blocking} onWithdraw={(id) => withdraw.mutate(id)} busyId={withdraw.isPending ? withdraw.variables : null} />
        </Card>
      ) : null}
      {open ? null : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => apply.mutate(v)} disabled={blocking.length > 0} className="transfer-panel__form">
          <Form.Item name="toEmployerId" label="调入单位" rules={[{ required: true, message: '请选择调入单位' }]}>
            <EmployerSearchSelect />
          </Form.Item>
          <Form.Item name="transferDate" label="调入日期" rules={[{ required: true, message: '请选择调入日期' }]}>
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
          </Form.Item>
          <Form.Item name="reason" label="调转原因" rules={[{ required: true, whitespace: true, message: '请输入调转原因' }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：工作调动" />
          </Form.Item>
          {apply.error && refusedWith.length === 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={isApiError(apply.error) ? apply.error.message : '提交失败，请稍后再试'}
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={apply.isPending}>
            提交调转申请
          </Button>
        </Form>
      )}
    </Space>
  );
};
