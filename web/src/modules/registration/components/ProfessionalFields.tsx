import { DatePicker, Form, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ProfileOptions } from '@cep/contracts';
import { EmployerSearchSelect } from './ChoiceSelects';

const codeOptions = (items: Array<{ code: string; name: string }>) => items.map((i) => ({ value: i.code, label: i.name }));

/** 专业技术人员 fields: employer search, title series and level, major (大类 is enough), date the title was obtained. */
export const ProfessionalFields = ({ options }: { options: ProfileOptions }) => {
  const form = Form.useFormInstance();
  const series = Form.useWatch('titleSeries', form) as string | undefined;
  const level = Form.useWatch('titleLevel', form) as string | undefined;
  const hasTitle = series !== 'none' && level !== 'none';
  const majors = options.majors.map((m) => ({ value: m.code, title: m.name, children: m.children.map((c) => ({ value: c.code, title: c.name })) }));
  return (
    <>
      <Form.Item
        name="employerId"
        label="所在单位"
        required
        rules={[{ required: true, message: '请选择所在单位' }]}
        extra="单位需先注册并审核通过后才能搜索到；自由职业者可选择户籍所在地街道、社区或乡镇人社所"
      >
        <EmployerSearchSelect />
      </Form.Item>
      <Form.Item
        name="titleSeries"
        label="职称系列"
        required
        rules={[{ required: true, message: '请选择职称系列' }]}
        extra="按职称证书上的系列选择；多个职称选择当年需要评审的；没有职称选择“无”"
      >
        <Select options={codeOptions(options.titleSeries)} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="titleLevel" label="职称等级" required rules={[{ required: true, message: '请选择职称等级' }]}>
        <Select options={codeOptions(options.titleLevels)} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        name="major"
        label="所学专业"
        required
        rules={[{ required: true, message: '请选择所学专业' }]}
        extra="找不到自己的专业时选择大类或相近专业即可"
      >
        <TreeSelect treeData={majors} placeholder="请选择" showSearch={{ treeNodeFilterProp: 'title' }} />
      </Form.Item>
      {hasTitle ? (
        <Form.Item
          name="titleObtainedOn"
          label="职称取得时间"
          required
          rules={[{ required: true, message: '请选择职称取得时间' }]}
          extra="评审取得的从评审通过之日起算；考试取得的从考试最后一天起算"
        >
          <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
        </Form.Item>
      ) : null}
    </>
  );
};

export const professionalBodyOf = (values: Record<string, unknown>) => {
  const date = values.titleObtainedOn as Dayjs | undefined;
  const { employerId, titleSeries, titleLevel, major } = values;
  return { employerId, titleSeries, titleLevel, major, titleObtainedOn: date ? date.format('YYYY-MM-DD') : undefined };
};
