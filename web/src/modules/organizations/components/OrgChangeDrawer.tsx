import { Alert, Button, Drawer, Form, Grid, Input } from 'antd';
import { CreditCode, OrgChangeInput, type OrgDetail, type RequestAttachment } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { filesRule } from '../../../components/form-rules';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { reviewKeys } from '../../reviews/reviews.api';
import { organizationKeys, organizationsApi } from '../organizations.api';

type Values = { name: string; creditCode: string; licence?: RequestAttachment[] };

/** 修改单位信息 (seed 002 FAQ 29): the new name and/or credit code with the licence scan; the superior approves it. */
export const OrgChangeDrawer = ({ open, org, onClose }: { open: boolean; org: OrgDetail; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const submission = useSubmission({
    submit: (v: Values) => {
      const name = v.name.trim();
      const creditCode = v.creditCode.trim().toUpperCase();
      return organizationsApi.fileChange({
        name: name === org.name ? undefined : name,
        creditCode: creditCode === (org.creditCode ?? '') ? undefined : creditCode,
        attachmentIds: (v.licence ?? []).map((a) => a.id),
      });
    },
    success: (r) => r.message,
    refresh: [organizationKeys.changes, reviewKeys.all],
    done: () => {
      form.resetFields();
      onClose();
    },
  });
  return (
    <Drawer title="修改单位信息" open={open} onClose={onClose} size={isPhone ? '100%' : 480} destroyOnHidden className="org-change">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`填写正确的单位名称或统一社会信用代码，上传证件扫描件，提交后${org.superior ? `由“${org.superior.name}”` : '由上级部门'}审核通过后生效。`}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: org.name, creditCode: org.creditCode ?? '' }}
        onFinish={(v) => submission.mutate(v)}
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[
            {
              validator: async (_rule, value?: string) => {
                const parsed = CreditCode.safeParse(value?.trim().toUpperCase() ?? '');
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '请输入统一社会信用代码');
              },
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="licence" label="信用代码证书或营业执照扫描件" required rules={[filesRule(OrgChangeInput.shape.attachmentIds)]}>
          <AttachmentUpload max={3} documentsOnly />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={submission.refusal} /> : null}
        <Button type="primary" htmlType="submit" loading={submission.isPending}>
          提交审核
        </Button>
      </Form>
    </Drawer>
  );
};
