import { Form, Input, Modal } from 'antd';
import { RejectReason } from '@cep/contracts';

type Props = { open: boolean; count: number; loading: boolean; onCancel: () => void; onSubmit: (reason: string) => void };

/** 驳回: the reason is required (the applicant reads it); `count` > 1 for a batch. */
export const RejectDialog = ({ open, count, loading, onCancel, onSubmit }: Props) => {
  const [form] = Form.useForm<{ reason: string }>();
  const validate = async (_rule: unknown, value: string | undefined) => {
    const parsed = RejectReason.safeParse(value ?? '');
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '请填写驳回原因');
  };
  return (
    <Modal
      open={open}
      title={count > 1 ? `批量驳回（${count} 条）` : '驳回申请'}
      okText="确认驳回"
      okButtonProps={{ danger: true, loading }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label="驳回原因" rules={[{ validator: validate }]} extra="驳回代表申请信息有误，申请人将看到此原因">
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="请说明需要申请人更正的信息" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
