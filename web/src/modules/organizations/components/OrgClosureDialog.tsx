import { Alert, Form, Input, Modal } from 'antd';
import type { OrgClosureInput } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { organizationKeys, organizationsApi } from '../organizations.api';

/** 申请注销单位 (seed 002 审核单位注销): only with nobody and nothing left under the org; the bureau decides. */
export const OrgClosureDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [form] = Form.useForm<OrgClosureInput>();
  const submission = useSubmission({
    submit: organizationsApi.close,
    success: (r) => r.message,
    refresh: [organizationKeys.changes, reviewKeys.all],
    done: onClose,
  });
  return (
    <Modal
      title="申请注销单位"
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
        title="注销前请先将本单位人员调转或注销、下级单位更换上级部门或注销，并处理完待审核信息。注销经人社部门审核通过后，账号信息停用，不能再办理业务，但仍可登录查看基本信息和操作记录。"
      />
      <Form<OrgClosureInput> form={form} layout="vertical" onFinish={(v) => submission.mutate(v)}>
        <Form.Item name="explanation" label="注销原因" rules={[{ required: true, whitespace: true, message: '请输入注销原因' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon title={submission.refusal} /> : null}
      </Form>
    </Modal>
  );
};
