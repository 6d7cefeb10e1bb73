import { Alert, Button, Col, DatePicker, Drawer, Form, Grid, Input, InputNumber, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { learningCategoryLabels, type LearningCategory } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { trainingApi, trainingKeys } from '../training.api';

type Values = {
  title: string;
  category: LearningCategory;
  dates: [Dayjs, Dayjs];
  place: string;
  hours: number;
  expectedAttendees: number;
  content?: string;
};

/** 新增培训计划: what, when, where, how many hours each attendee earns; `submitted` says who reviews it next. */
export const PlanFormDrawer = ({ open, onClose, submitted }: { open: boolean; onClose: () => void; submitted: string }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const submit = useSubmission({
    submit: (v: Values) =>
      trainingApi.submitPlan({
        title: v.title,
        category: v.category,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        place: v.place,
        hours: v.hours,
        expectedAttendees: v.expectedAttendees,
        content: v.content || undefined,
      }),
    success: submitted,
    refresh: [trainingKeys.all],
    done: () => {
      form.resetFields();
      onClose();
    },
  });
  return (
    <Drawer open={open} onClose={onClose} title="新增培训计划" size={isPhone ? '100%' : 560} className="training-plan-form" destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ category: 'specialized' }} onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="title" label="培训主题" rules={[{ required: true, whitespace: true, message: '请填写培训主题' }]}>
          <Input maxLength={100} placeholder="如：院内感染防控培训" />
        </Form.Item>
        <Form.Item name="category" label="科目类别" rules={[{ required: true, message: '请选择科目类别' }]}>
          <Radio.Group options={(['public', 'specialized'] as const).map((c) => ({ value: c, label: learningCategoryLabels[c] }))} />
        </Form.Item>
        <Form.Item name="dates" label="培训时间" rules={[{ required: true, message: '请选择培训时间' }]} extra="每天计入不超过8学时">
          <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['开始时间', '结束时间']} />
        </Form.Item>
        <Form.Item name="place" label="培训地点" rules={[{ required: true, whitespace: true, message: '请填写培训地点' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="hours" label="每人学时" rules={[{ required: true, message: '请填写每人学时' }]}>
              <InputNumber style={{ width: '100%' }} min={0.5} max={1000} step={0.5} suffix="学时" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="expectedAttendees" label="预计人数" rules={[{ required: true, message: '请填写预计人数' }]}>
              <InputNumber style={{ width: '100%' }} min={1} max={10000} precision={0} suffix="人" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label="培训内容">
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="选填" />
        </Form.Item>
        {submit.refusal ? <Alert type="error" showIcon title={submit.refusal} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={submit.isPending} block>
          提交审核
        </Button>
      </Form>
    </Drawer>
  );
};
