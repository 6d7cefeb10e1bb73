import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Grid } from 'antd';
import type { ProfileOptions, RegistrationKind, RegistrationReceipt } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { registrationApi } from '../registration.api';
import { ApplicantFields, applicantOf } from './ApplicantFields';
import { OrgFields, orgBodyOf } from './OrgRegistrationForm';
import { ProfessionalFields, professionalBodyOf } from './ProfessionalFields';
import { CaptchaField, useCaptchaRound } from '../../../components/CaptchaField';

type Props = { kind: RegistrationKind; options: ProfileOptions; onDone: (receipt: RegistrationReceipt) => void };

const initialValues = { applicant: { existingUser: false, idType: '身份证' }, hasAuthority: false, hasParent: false };

/** A server refusal that names a field ("applicant.idNumber") is shown under that field; others above the form. */
const fieldOf = (error: unknown): (string | number)[] | null => {
  const field = isApiError(error) ? error.details.field : undefined;
  return typeof field === 'string' && field ? field.split('.') : null;
};

/** One registration form (the role's fields plus the applicant's), submitted to the role's endpoint. */
export const RegistrationForm = ({ kind, options, onDone }: Props) => {
  const [form] = Form.useForm();
  const screens = Grid.useBreakpoint();
  const existingUser = Boolean(Form.useWatch(['applicant', 'existingUser'], form));
  const captcha = useCaptchaRound(form);
  const submit = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const body = kind === 'professional' ? professionalBodyOf(values) : orgBodyOf(kind, values);
      const captchaToken = String(values.captchaToken ?? '');
      return registrationApi.register(kind, { ...body, applicant: applicantOf(values.applicant as Record<string, unknown>), captchaToken });
    },
    onSuccess: onDone,
    onError: (error) => {
      captcha.renew();
      const name = fieldOf(error);
      if (name && isApiError(error) && form.getFieldInstance(name)) form.setFields([{ name, errors: [error.message] }]);
    },
  });
  const shownAbove = submit.error && !(fieldOf(submit.error) && form.getFieldInstance(fieldOf(submit.error)!));
  return (
    <Form
      form={form}
      layout={screens.md ? 'horizontal' : 'vertical'}
      labelCol={screens.md ? { flex: '150px' } : undefined}
      initialValues={initialValues}
      onFinish={(v) => submit.mutate(v)}
      scrollToFirstError
      className="registration-form"
    >
      {shownAbove ? (
        <Alert type="error" showIcon title={isApiError(submit.error) ? submit.error.message : '提交失败，请稍后再试'} style={{ marginBottom: 16 }} />
      ) : null}
      <ApplicantFields existingUser={existingUser} />
      {kind === 'professional' ? <ProfessionalFields options={options} /> : <OrgFields kind={kind} options={options} />}
      <CaptchaField round={captcha.round} />
      <Form.Item label={screens.md ? ' ' : undefined} colon={false}>
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} block={!screens.md}>
          提交注册
        </Button>
      </Form.Item>
    </Form>
  );
};
