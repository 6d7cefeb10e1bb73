import { Alert, Button, DatePicker, Drawer, Form, Grid, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MyProfile, ProfileOptions, TitleChangeInput } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { peopleApi, peopleKeys } from '../people.api';

type Values = { titleSeries: string; titleLevel: TitleChangeInput['titleLevel']; titleObtainedOn?: Dayjs };

const codeOptions = (items: Array<{ code: string; name: string }>) => items.map((i) => ({ value: i.code, label: i.name }));

/** 修改职称: the new 职称系列 / 等级 / 取得时间, reviewed by the employer; the current one stays until it approves. */
export const TitleChangeDrawer = ({
  open,
  profile,
  options,
  onClose,
}: {
  open: boolean;
  profile: MyProfile;
  options: ProfileOptions;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const series = Form.useWatch('titleSeries', form);
  const level = Form.useWatch('titleLevel', form);
  const hasTitle = series !== 'none' && level !== 'none';
  const submission = useSubmission({
    submit: (v: Values) =>
      peopleApi.changeTitle({
        titleSeries: v.titleSeries,
        titleLevel: v.titleLevel,
        titleObtainedOn: hasTitle ? v.titleObtainedOn?.format('YYYY-MM-DD') : undefined,
      }),
    success: (r) => r.message,
    refresh: [peopleKeys.myProfile, reviewKeys.all],
    done: onClose,
  });
  return (
    <Drawer title="修改职称信息" open={open} onClose={onClose} size={isPhone ? '100%' : 480} destroyOnHidden className="title-change">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`当前职称：${profile.titleSeriesName}（${profile.titleLevelName}）。修改提交后，需${profile.employerName}管理员审核通过后生效。`}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          titleSeries: profile.titleSeries,
          titleLevel: profile.titleLevel,
          titleObtainedOn: profile.titleObtainedOn ? dayjs(profile.titleObtainedOn) : undefined,
        }}
        onFinish={(v) => submission.mutate(v)}
      >
        <Form.Item name="titleSeries" label="职称系列" rules={[{ required: true, message: '请选择职称系列' }]} extra="多个职称选择当年需要评审的">
          <Select options={codeOptions(options.titleSeries)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="titleLevel" label="职称等级" rules={[{ required: true, message: '请选择职称等级' }]}>
          <Select options={codeOptions(options.titleLevels)} />
        </Form.Item>
        {hasTitle ? (
          <Form.Item name="titleObtainedOn" label="职称取得时间" rules={[{ required: true, message: '请选择职称取得时间' }]}>
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
          </Form.Item>
        ) : null}
        {submission.refusal ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={submission.refusal} /> : null}
        <Button type="primary" htmlType="submit" loading={submission.isPending}>
          提交审核
        </Button>
      </Form>
    </Drawer>
  );
};
