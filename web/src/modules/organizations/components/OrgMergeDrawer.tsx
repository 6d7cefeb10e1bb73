import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input } from 'antd';
import type { OrgDetail } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { RegionCascader } from '../../registration/components/RegionCascader';
import { SuperiorSelect } from '../../registration/components/ChoiceSelects';
import { organizationKeys, organizationsApi } from '../organizations.api';

type Values = { regionCode?: string; survivorId: string; explanation: string };

/** 申请合并 (seed 002 审核单位合并): this org merges into another of its kind; the bureau decides; people and records follow. */
export const OrgMergeDrawer = ({ open, org, onClose }: { open: boolean; org: OrgDetail; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const regionCode = Form.useWatch('regionCode', form);
  const options = useQuery({ queryKey: organizationKeys.options, queryFn: organizationsApi.options, staleTime: Number.POSITIVE_INFINITY });
  const submission = useSubmission({
    submit: (v: Values) => organizationsApi.merge({ survivorId: v.survivorId, explanation: v.explanation }),
    success: (r) => r.message,
    refresh: [organizationKeys.changes, reviewKeys.all],
    done: onClose,
  });
  const kind = org.kind === 'authority' ? 'authority' : 'employer';
  return (
    <Drawer title="申请单位合并" open={open} onClose={onClose} size={isPhone ? '100%' : 480} destroyOnHidden className="org-merge">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="本单位并入所选单位：人社部门审核通过后，本单位人员、下级单位和学时记录转入合并后保留的单位，本单位账号注销（仍可登录查看）。"
      />
      <Form<Values> form={form} layout="vertical" initialValues={{ regionCode: org.region.code }} onFinish={(v) => submission.mutate(v)}>
        <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]}>
          {options.data ? <RegionCascader regions={options.data.regions} onChange={() => form.setFieldValue('survivorId', undefined)} /> : <span />}
        </Form.Item>
        <Form.Item name="survivorId" label="合并后保留的单位" rules={[{ required: true, message: '请选择合并后保留的单位' }]}>
          <SuperiorSelect kinds={[kind]} regionCode={regionCode} placeholder="输入名称关键字搜索" />
        </Form.Item>
        <Form.Item name="explanation" label="合并说明" rules={[{ required: true, whitespace: true, message: '请输入合并说明' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={submission.refusal} /> : null}
        <Button type="primary" danger htmlType="submit" loading={submission.isPending}>
          提交合并申请
        </Button>
      </Form>
    </Drawer>
  );
};
