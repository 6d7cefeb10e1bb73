import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  learningCategoryLabels,
  type ClaimFormsView,
  type ClaimInput,
  type ClaimQuoteInput,
  type ClaimReceipt,
  type LearningForm,
  type RequestAttachment,
} from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { useDebounced } from '../../../components/use-debounced';
import { reviewKeys } from '../../reviews/reviews.api';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { claimKeys, claimsApi } from '../claims.api';
import { LearningFormFields } from './LearningFormFields';
import { HoursQuote } from './HoursQuote';

type Values = {
  formCode?: string;
  creditYear?: number;
  category?: 'public' | 'specialized';
  title?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  hours?: number | null;
  assessmentResult?: string;
  fields?: Record<string, string | number | null | undefined>;
  attachments?: RequestAttachment[];
};

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

/** The form's own values the person has filled in (an emptied input is left out, not sent as null). */
const filled = (fields: Values['fields']) =>
  Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<string, string | number>;

const quoteInputOf = (v: Values): ClaimQuoteInput | null =>
  v.formCode
    ? { formCode: v.formCode, startDate: day(v.startDate), endDate: day(v.endDate), hours: v.hours ?? undefined, fields: filled(v.fields) }
    : null;

const isDeclared = (form: LearningForm | undefined) => form?.hoursRule.kind === 'declared';
const choosesCategory = (form: LearningForm | undefined) => Boolean(form && form.categories.length > 1 && form.hoursRule.kind !== 'fullYear');

type ClaimFormProps = {
  view: ClaimFormsView;
  /** Files the claim: the person's own, or a bureau's for someone (学时学分申报). */
  onSubmit?: (body: ClaimInput) => Promise<ClaimReceipt>;
  /** Disabled until whatever the page needs first is done (the person a bureau files for, found). */
  disabled?: boolean;
};

/** 学时(分)申报: choose a learning form, its own fields appear, and the hours the rules give show as the person types. */
export const ClaimForm = ({ view, onSubmit = claimsApi.submit, disabled = false }: ClaimFormProps) => {
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) ?? {};
  const learningForm = view.learningForms.forms.find((f) => f.code === values.formCode);
  const quoteKey = useDebounced(JSON.stringify(quoteInputOf(values)), 300);
  const quoteInput = JSON.parse(quoteKey) as ClaimQuoteInput | null;
  const quote = useQuery({
    queryKey: claimKeys.quote(quoteKey),
    queryFn: () => claimsApi.quote(quoteInput!),
    enabled: quoteInput !== null,
  });
  const submit = useSubmission({
    submit: onSubmit,
    success: (receipt) => `已提交，待单位审核：${receipt.explanation}`,
    refresh: [reviewKeys.all],
    // The form too: a half-emptied form would ask at once for what the person has just sent.
    done: () => form.resetFields(['formCode', 'category', 'title', 'startDate', 'endDate', 'hours', 'assessmentResult', 'fields', 'attachments']),
  });
  const onFinish = (v: Values) => {
    const input = quoteInputOf(v)!;
    submit.mutate({
      ...input,
      creditYear: v.creditYear!,
      category: v.category,
      title: v.title ?? '',
      startDate: day(v.startDate)!,
      endDate: day(v.endDate)!,
      assessmentResult: v.assessmentResult || undefined,
      attachmentIds: (v.attachments ?? []).map((a) => a.id),
    });
  };
  const evidence = [...view.learningForms.commonFields, ...(learningForm?.fields ?? [])].find((f) => f.type === 'file');
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="claims-form"
      initialValues={{ creditYear: view.claimableYears.at(-1) }}
      onValuesChange={(changed) => {
        if ('formCode' in changed) form.setFieldsValue({ fields: {}, category: undefined, hours: undefined });
      }}
      onFinish={onFinish}
    >
      <Form.Item name="formCode" label="学习形式" rules={[{ required: true, message: '请选择学习形式' }]}>
        <Select placeholder="请选择学习形式" options={view.learningForms.forms.map((f) => ({ value: f.code, label: f.name }))} />
      </Form.Item>
      {learningForm ? (
        <Typography.Paragraph type="secondary" className="claims-form__standard">
          【人社厅文件】{learningForm.standard}
          {learningForm.policyUrl ? (
            <Typography.Link href={learningForm.policyUrl} target="_blank" rel="noreferrer">
              {' '}
              查看文件
            </Typography.Link>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={choosesCategory(learningForm) ? 12 : 24}>
          <Form.Item name="creditYear" label="认证年度" rules={[{ required: true, message: '请选择认证年度' }]} extra={view.claimWindowMessage}>
            <Select options={view.claimableYears.map((y) => ({ value: y, label: `${y}年` }))} />
          </Form.Item>
        </Col>
        {choosesCategory(learningForm) ? (
          <Col xs={24} md={12}>
            <Form.Item name="category" label="科目类别" rules={[{ required: true, message: '请选择科目类别' }]}>
              <Radio.Group options={learningForm!.categories.map((c) => ({ value: c, label: learningCategoryLabels[c] }))} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="title" label="学习内容" rules={[{ required: true, whitespace: true, message: '请填写学习内容' }]}>
        <Input maxLength={100} placeholder="如：全国继续教育学术年会" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startDate" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endDate"
            label="结束时间"
            rules={[{ required: true, message: '请选择结束时间' }]}
            extra={learningForm?.dailyLimit === false ? undefined : `每天申报不超${view.dailyHourLimit}学时`}
          >
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
          </Form.Item>
        </Col>
      </Row>
      {learningForm ? <LearningFormFields fields={learningForm.fields} /> : null}
      {isDeclared(learningForm) ? (
        <Form.Item name="hours" label="申请学时" rules={[{ required: true, message: '请填写申请学时' }]}>
          <InputNumber style={{ width: '100%' }} min={0.5} step={0.5} suffix="学时" placeholder="按学习证明填写" />
        </Form.Item>
      ) : null}
      <Form.Item name="assessmentResult" label="考核结果">
        <Input maxLength={100} placeholder="如：合格（选填）" />
      </Form.Item>
      {evidence ? (
        <Form.Item
          name="attachments"
          label={evidence.label}
          rules={evidence.required ? [{ required: true, type: 'array', min: 1, message: `请上传${evidence.label}` }] : []}
          extra="如参会通知、证书、成绩单、签到表等"
        >
          <AttachmentUpload />
        </Form.Item>
      ) : null}
      <div className="claims-form__quote">
        <HoursQuote quote={quoteInput ? quote.data : undefined} loading={quote.isFetching} />
      </div>
      {submit.refusal ? <Alert type="error" showIcon title={submit.refusal} className="claims-form__refusal" data-testid="claim-refusal" /> : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={disabled} block>
        提交申报
      </Button>
    </Form>
  );
};
