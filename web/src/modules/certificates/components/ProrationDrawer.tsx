import { Alert, Button, Drawer, Form, Grid, Input, InputNumber, Select } from 'antd';
import type { ProrationInput, RequestAttachment } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { certificateKeys, certificatesApi } from '../certificates.api';

type Values = Omit<ProrationInput, 'attachmentIds'> & { attachments?: RequestAttachment[] };

/**
 * 年度学时折算 (seed 002): for a year with months away from work (境外、病假超过6个月、生育…), the requirement is
 * prorated to the months in post once the employer and up approve the proof.
 */
export const ProrationDrawer = ({ open, years, cases, onClose }: { open: boolean; years: number[]; cases: string[]; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const submission = useSubmission({
    submit: ({ attachments, ...v }: Values) => certificatesApi.prorate({ ...v, attachmentIds: (attachments ?? []).map((a) => a.id) }),
    success: '学时折算申请已提交，可在“申报进度查询”查看审核进度',
    refresh: [certificateKeys.all, ['reviews']],
    done: () => {
      form.resetFields();
      onClose();
    },
  });
  return (
    <Drawer title="年度学时折算申请" open={open} onClose={onClose} size={isPhone ? '100%' : 520} className="proration-form" destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="年度内因境外工作、病假超过6个月或生育等未能全年在岗的，年度学时要求按实际在岗月数折算。申请经单位、主管部门和人社部门审核通过后生效。"
      />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submission.mutate(v)}>
        <Form.Item name="creditYear" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={years.map((y) => ({ value: y, label: `${y}年度` }))} placeholder="请选择年度" />
        </Form.Item>
        <Form.Item name="reason" label="折算事由" rules={[{ required: true, message: '请选择折算事由' }]}>
          <Select options={cases.map((c) => ({ value: c, label: c }))} placeholder="请选择折算事由" />
        </Form.Item>
        <Form.Item name="monthsInPost" label="年度内实际在岗月数" rules={[{ required: true, message: '请填写年度内实际在岗月数' }]}>
          <InputNumber min={0} max={11} precision={0} suffix="个月" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="explanation" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写情况说明' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：2025年3月至9月休产假" />
        </Form.Item>
        <Form.Item name="attachments" label="证明材料" rules={[{ required: true, type: 'array', min: 1, message: '请上传证明材料' }]}>
          <AttachmentUpload />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon title={submission.refusal} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={submission.isPending}>
          提交申请
        </Button>
      </Form>
    </Drawer>
  );
};
