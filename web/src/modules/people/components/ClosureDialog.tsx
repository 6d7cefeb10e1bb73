import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { ClosureInput, RequestReceipt } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { peopleKeys } from '../people.api';

/**
 * 申请注销 (seed 002 FAQ 21): only for retirement or death; the employer and the bureau approve; the hours stay. One
 * who changed employer transfers instead, and one who left can be marked 离职.
 */
export const ClosureDialog = ({
  title,
  open,
  submit,
  onClose,
}: {
  title: string;
  open: boolean;
  submit: (v: ClosureInput) => Promise<RequestReceipt>;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<ClosureInput>();
  const submission = useSubmission({ submit, success: (r) => r.message, refresh: [peopleKeys.all, reviewKeys.all], done: onClose });
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交注销申请"
      okButtonProps={{ danger: true }}
      confirmLoading={submission.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="仅因退休、去世需注销账号时申请；调到新单位请使用单位调转。注销经所在单位和人社部门审核通过后生效，学时记录继续留存，账号不能再登录。"
      />
      <Form<ClosureInput>
        form={form}
        layout="vertical"
        initialValues={{ reason: 'retired' }}
        onFinish={(v) => submission.mutate(v)}
        className="closure-form"
      >
        <Form.Item name="reason" label="注销原因" rules={[{ required: true, message: '请选择注销原因' }]}>
          <Radio.Group
            options={[
              { value: 'retired', label: '退休' },
              { value: 'deceased', label: '去世' },
            ]}
          />
        </Form.Item>
        <Form.Item name="explanation" label="情况说明" rules={[{ required: true, whitespace: true, message: '请输入情况说明' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon title={submission.refusal} /> : null}
      </Form>
    </Modal>
  );
};
