import { Form, Input, Modal, Typography } from 'antd';
import { RejectReason, RevokeReason } from '@cep/contracts';

type Props = {
  open: boolean;
  count: number;
  /** `revoke`: 审验不通过 of an approved request (what its approval did is undone). */
  mode?: 'reject' | 'revoke';
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
};

const texts = {
  reject: { schema: RejectReason, title: '驳回申请', ok: '确认驳回', label: '驳回原因', extra: '驳回代表申请信息有误，申请人将看到此原因' },
  revoke: {
    schema: RevokeReason,
    title: '审验不通过',
    ok: '确认审验不通过',
    label: '撤销原因',
    extra: '该申请将由审核通过改为审核不通过，审核通过时计入的结果（如学时）一并撤销；申请人将看到此原因',
  },
};

/** 驳回 (`count` > 1 for a batch) or 审验不通过: the reason is required (the applicant reads it). */
export const RejectDialog = ({ open, count, mode = 'reject', loading, onCancel, onSubmit }: Props) => {
  const [form] = Form.useForm<{ reason: string }>();
  const text = texts[mode];
  const validate = async (_rule: unknown, value: string | undefined) => {
    const parsed = text.schema.safeParse(value ?? '');
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? `请填写${text.label}`);
  };
  return (
    <Modal
      open={open}
      title={count > 1 ? `批量驳回（${count} 条）` : text.title}
      okText={text.ok}
      okButtonProps={{ danger: true, loading }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
    >
      <Typography.Paragraph type="secondary">{text.extra}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={text.label} rules={[{ validator: validate }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={mode === 'reject' ? '请说明需要申请人更正的信息' : '请说明撤销的原因'} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
