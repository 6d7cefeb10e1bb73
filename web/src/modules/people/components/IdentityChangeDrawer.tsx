import { Alert, Button, Drawer, Form, Grid, Input } from 'antd';
import { IdentityChangeInput, PersonIdNumber, type MyProfile, type RequestAttachment } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { filesRule } from '../../../components/form-rules';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { reviewKeys } from '../../reviews/reviews.api';
import { peopleApi, peopleKeys } from '../people.api';

type Values = { name: string; idNumber?: string; photos?: RequestAttachment[] };

/**
 * 证件信息修改 (seed 002 FAQ 18): a new name or ID number with both sides of the ID card; one of the two stays as it is;
 * once in 30 days; the employer, then the bureau, review it. After a new ID number, the person signs in with it.
 */
export const IdentityChangeDrawer = ({ open, profile, onClose }: { open: boolean; profile: MyProfile; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const submission = useSubmission({
    submit: (v: Values) => {
      const idNumber = v.idNumber?.trim().toUpperCase();
      return peopleApi.changeIdentity({
        name: v.name.trim() === profile.name ? undefined : v.name.trim(),
        idNumber: idNumber ? idNumber : undefined,
        attachmentIds: (v.photos ?? []).map((p) => p.id),
      });
    },
    success: (r) => r.message,
    refresh: [peopleKeys.myProfile, reviewKeys.all],
    done: () => {
      form.resetFields();
      onClose();
    },
  });
  return (
    <Drawer title="证件信息修改" open={open} onClose={onClose} size={isPhone ? '100%' : 480} destroyOnHidden className="identity-change">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="姓名、身份证号中必须有一项与修改前一致；30天内只允许修改一次。提交后由所在单位和人社部门审核，身份证号修改生效后请使用新身份证号登录。"
      />
      <Form<Values> form={form} layout="vertical" initialValues={{ name: profile.name }} onFinish={(v) => submission.mutate(v)}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="新身份证号"
          extra={`当前：${profile.idNumberMasked}；不修改请留空`}
          rules={[
            {
              validator: async (_rule, value?: string) => {
                if (!value) return;
                const parsed = PersonIdNumber.safeParse(value);
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '身份证号非法');
              },
            },
          ]}
        >
          <Input maxLength={18} placeholder="不修改请留空" />
        </Form.Item>
        <Form.Item name="photos" label="身份证正、反面照片" required rules={[filesRule(IdentityChangeInput.shape.attachmentIds)]}>
          <AttachmentUpload max={2} documentsOnly />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={submission.refusal} /> : null}
        <Button type="primary" htmlType="submit" loading={submission.isPending}>
          提交审核
        </Button>
      </Form>
    </Drawer>
  );
};
