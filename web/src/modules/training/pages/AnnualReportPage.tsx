import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Skeleton } from 'antd';
import type { RequestAttachment } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { RequestProgressList } from '../../reviews/pages/MyProgressPage';
import { trainingApi, trainingKeys } from '../training.api';
import '../training.css';

type Values = { year: number; teachers: number; summary: string; attachments: RequestAttachment[] };

/** What the platform recorded of the year: shown beside the report so the bureau and the provider read the same figures. */
const YearFigures = ({ year }: { year: number }) => {
  const { data, isLoading, error } = useQuery({ queryKey: trainingKeys.yearFigures(year), queryFn: () => trainingApi.yearFigures(year) });
  if (isLoading) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (error || !data) return <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} />;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title={`平台记录（${year}年）`} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="审核通过的培训计划">{`${data.plans} 个`}</Descriptions.Item>
      <Descriptions.Item label="代申报人次（已审批）">{`${data.attendances} 人次`}</Descriptions.Item>
      <Descriptions.Item label="代申报学时（已审批）">{`${data.hours} 学时`}</Descriptions.Item>
    </Descriptions>
  );
};

/** 年度报告 of a 继续教育机构 (seed 002, 003 4.5): a year's report filed to the bureau of its region, and the reports filed. */
export const AnnualReportPage = () => {
  const thisYear = new Date().getFullYear();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form) ?? thisYear - 1;
  const submit = useSubmission({
    submit: (v: Values) =>
      trainingApi.submitAnnualReport({ year: v.year, teachers: v.teachers, summary: v.summary, attachmentIds: v.attachments.map((a) => a.id) }),
    success: '年度报告已提交，待人社部门审核',
    refresh: [reviewKeys.all],
    done: () => form.resetFields(),
  });
  return (
    <div className="training-page">
      <Card title="年度报告" className="annual-report">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="每年度提交一次，由所在地人社部门审核（审核继续教育基地年度报告）；被驳回或撤回后可重新提交。平台记录的培训计划和代申报学时随报告一并提交。"
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ year: thisYear - 1, attachments: [] }}
          onFinish={(v) => submit.mutate(v)}
          style={{ maxWidth: 860 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请选择报告年度' }]}>
                <Select options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="teachers" label="师资人数" rules={[{ required: true, message: '请填写师资人数' }]}>
                <InputNumber style={{ width: '100%' }} min={0} max={100000} precision={0} suffix="人" />
              </Form.Item>
            </Col>
          </Row>
          <YearFigures year={year} />
          <Form.Item
            name="summary"
            label="年度工作总结"
            rules={[
              { required: true, whitespace: true, message: '请填写年度工作总结' },
              { min: 10, message: '年度工作总结至少10个字' },
            ]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder="培训开展情况、师资与课程建设、存在问题和下年度计划" />
          </Form.Item>
          <Form.Item
            name="attachments"
            label="年度报告文件（盖章扫描件）"
            rules={[{ required: true, type: 'array', min: 1, message: '请上传年度报告文件（盖章扫描件）' }]}
          >
            <AttachmentUpload />
          </Form.Item>
          {submit.refusal ? <Alert type="error" showIcon title={submit.refusal} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            提交年度报告
          </Button>
        </Form>
      </Card>
      <RequestProgressList title="年度报告记录" kind="report.provider" empty="暂无年度报告" />
    </div>
  );
};
