import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Typography } from 'antd';
import { Address, CreditCode, NO_CREDIT_CODE_MESSAGE, OrgName, OrgPhone, type ProfileOptions, type RegistrationKind } from '@cep/contracts';
import { schemaRule } from '../../../components/form-rules';
import { registrationApi, registrationKeys } from '../registration.api';
import { RegionCascader } from './RegionCascader';
import { SuperiorSelect } from './ChoiceSelects';

const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const codeOptions = (items: Array<{ code: string; name: string }>) => items.map((i) => ({ value: i.code, label: i.name }));

/** The peer bureau (同级人社部门) follows from the region; shown so the applicant sees who reviews. */
const PeerBureau = ({ regionCode }: { regionCode?: string }) => {
  const { data } = useQuery({
    queryKey: registrationKeys.peerBureau(regionCode),
    queryFn: () => registrationApi.superiors({ kind: 'bureau', regionCode }),
    enabled: Boolean(regionCode),
  });
  const bureau = data?.items.find((b) => b.regionCode === regionCode);
  return <Typography.Text>{bureau ? bureau.name : '选择所在地区后自动带出'}</Typography.Text>;
};

type Props = { kind: Exclude<RegistrationKind, 'professional'>; options: ProfileOptions };

/** 是否有主管部门 / 是否有上级单位 and the peer bureau: who reviews, as seed 004's special cases choose it. */
const SuperiorFields = ({ kind, regionCode }: { kind: Props['kind']; regionCode?: string }) => {
  const form = Form.useFormInstance();
  const hasAuthority = Form.useWatch('hasAuthority', form) as boolean | undefined;
  const hasParent = Form.useWatch('hasParent', form) as boolean | undefined;
  return (
    <>
      {kind !== 'authority' ? (
        <Form.Item name="hasAuthority" label="是否有主管部门" required>
          <Radio.Group options={yesNo} />
        </Form.Item>
      ) : null}
      {kind !== 'authority' && hasAuthority ? (
        <Form.Item name="authorityId" label="主管部门名称" required rules={[{ required: true, message: '请选择主管部门' }]}>
          <SuperiorSelect kinds={['authority']} regionCode={regionCode} placeholder="选择单位所在区域的行业主管部门" />
        </Form.Item>
      ) : null}
      {kind === 'employer' ? (
        <Form.Item name="hasParent" label="是否有上级单位" required>
          <Radio.Group options={yesNo} />
        </Form.Item>
      ) : null}
      {kind === 'employer' && hasParent ? (
        <Form.Item
          name="parentOrgId"
          label="上级单位名称"
          required
          rules={[{ required: true, message: '请选择上级单位' }]}
          extra="二级单位选择其上级单位；乡镇人社所选择所在区县的人力资源和社会保障局"
        >
          <SuperiorSelect kinds={['employer', 'bureau']} regionCode={regionCode} placeholder="输入关键字搜索上级单位" />
        </Form.Item>
      ) : null}
      <Form.Item label="同级人社部门">
        <PeerBureau regionCode={regionCode} />
      </Form.Item>
    </>
  );
};

/** The org fields of 主管部门 / 用人单位 / 继续教育机构 registration. */
export const OrgFields = ({ kind, options }: Props) => {
  const regionCode = Form.useWatch('regionCode', Form.useFormInstance()) as string | undefined;
  return (
    <>
      <Form.Item name="orgName" label="单位名称" required rules={[schemaRule(OrgName, '请输入单位名称')]}>
        <Input maxLength={60} placeholder="与营业执照或法人证书上的名称一致" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        required
        rules={[schemaRule(CreditCode, NO_CREDIT_CODE_MESSAGE)]}
        validateTrigger="onBlur"
      >
        <Input maxLength={18} placeholder="18位统一社会信用代码" style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label="所在地区"
        required
        rules={[{ required: true, message: '请选择所在地区' }]}
        extra="单位注册所在地由上级部门决定：选择了主管部门或上级单位时，以其所在地为准"
      >
        <RegionCascader regions={options.regions} />
      </Form.Item>
      <SuperiorFields kind={kind} regionCode={regionCode} />
      <Form.Item name="nature" label="单位性质" required rules={[{ required: true, message: '请选择单位性质' }]}>
        <Select options={codeOptions(options.orgNatures)} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="orgLevel" label="单位级别" required rules={[{ required: true, message: '请选择单位级别' }]}>
        <Select options={codeOptions(options.orgLevels)} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="industry" label="所属行业" required rules={[{ required: true, message: '请选择所属行业' }]}>
        <Select options={codeOptions(options.industries)} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="orgPhone" label="单位电话" required rules={[schemaRule(OrgPhone, '请输入单位电话')]}>
        <Input maxLength={20} placeholder="手机号或区号-号码" />
      </Form.Item>
      <Form.Item name="address" label="单位地址" required rules={[schemaRule(Address, '请输入单位地址')]}>
        <Input maxLength={120} />
      </Form.Item>
    </>
  );
};

/** The org form's values as the API takes them: superiors only when their "是" is chosen. */
export const orgBodyOf = (kind: Props['kind'], values: Record<string, unknown>) => {
  const { orgName, creditCode, nature, orgLevel, industry, orgPhone, address, regionCode, hasAuthority, hasParent, authorityId, parentOrgId } =
    values;
  const body = { orgName, creditCode, nature, orgLevel, industry, orgPhone, address, regionCode };
  if (kind === 'authority') return body;
  if (kind === 'provider') return { ...body, authorityId: hasAuthority ? authorityId : undefined };
  return { ...body, authorityId: hasAuthority ? authorityId : undefined, parentOrgId: hasParent ? parentOrgId : undefined };
};
