import { Checkbox, Form, Input, Select, type FormRule } from 'antd';
import { Email, FOREIGN_ID_MESSAGE, ID_TYPES, IdNumber, Password, PersonName, Phone } from '@cep/contracts';
import { PASSWORD_HINT, schemaRule } from '../../../components/form-rules';

const idTypeOptions = ID_TYPES.map((t) => ({ value: t, label: t }));

/** Only a 身份证 can register (seed 002 FAQ 6); its number must pass the GB 11643 check. */
const idNumberOfTypeRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_r, v) => {
    if (getFieldValue(['applicant', 'idType']) !== '身份证') throw new Error(FOREIGN_ID_MESSAGE);
    if (!v) throw new Error('请输入证件号');
    const parsed = IdNumber.safeParse(v);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '身份证号非法');
  },
});

/** What only a new person fills in: the password again, name, phone and e-mail. */
const NewPersonFields = () => (
  <>
    <Form.Item
      name={['applicant', 'confirmPassword']}
      label="确认密码"
      required
      dependencies={[['applicant', 'password']]}
      rules={[
        ({ getFieldValue }) => ({
          validator: async (_r, v) => {
            if (!v) throw new Error('请再次输入密码');
            if (v !== getFieldValue(['applicant', 'password'])) throw new Error('两次输入的密码不一致');
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" maxLength={20} />
    </Form.Item>
    <Form.Item name={['applicant', 'name']} label="姓名" required rules={[schemaRule(PersonName, '请输入姓名')]}>
      <Input maxLength={30} />
    </Form.Item>
    <Form.Item name={['applicant', 'phone']} label="手机号" required rules={[schemaRule(Phone, '请输入手机号')]}>
      <Input maxLength={11} inputMode="numeric" />
    </Form.Item>
    <Form.Item name={['applicant', 'email']} label="电子邮箱" required rules={[schemaRule(Email, '请输入电子邮箱')]}>
      <Input maxLength={100} inputMode="email" />
    </Form.Item>
  </>
);

/**
 * The person part of every registration form. '已是本系统用户' hides name, phone and e-mail and asks only
 * the existing password (seed 002 FAQ 23); a foreign ID type gets the seed's answer from the server.
 */
export const ApplicantFields = ({ existingUser }: { existingUser: boolean }) => (
  <>
    <Form.Item name={['applicant', 'existingUser']} valuePropName="checked" label=" " colon={false} className="registration-existing">
      <Checkbox>如果已是本系统用户，请勾选复选框（注册过平台其他角色时勾选）</Checkbox>
    </Form.Item>
    <Form.Item name={['applicant', 'idType']} label="证件类型" required>
      <Select options={idTypeOptions} />
    </Form.Item>
    <Form.Item
      name={['applicant', 'idNumber']}
      label="证件号"
      required
      dependencies={[['applicant', 'idType']]}
      rules={[idNumberOfTypeRule]}
      validateTrigger="onBlur"
    >
      <Input placeholder="请输入身份证号（将作为登录账号）" maxLength={18} autoComplete="username" />
    </Form.Item>
    <Form.Item
      name={['applicant', 'password']}
      label={existingUser ? '登录密码' : '密码'}
      required
      rules={existingUser ? [{ required: true, message: '请输入您已注册账号的登录密码' }] : [schemaRule(Password, '请输入密码')]}
      extra={existingUser ? '请输入您在本平台已有账号的密码，验证通过后完成注册' : PASSWORD_HINT}
    >
      <Input.Password autoComplete={existingUser ? 'current-password' : 'new-password'} maxLength={20} />
    </Form.Item>
    {existingUser ? null : <NewPersonFields />}
  </>
);

/** The applicant as the API takes it: the confirmation stays in the browser, hidden fields are not sent. */
export const applicantOf = (values: Record<string, unknown> | undefined) => {
  const { confirmPassword: _confirm, ...rest } = (values ?? {}) as Record<string, unknown>;
  void _confirm;
  if (rest.existingUser) return { existingUser: true, idType: rest.idType, idNumber: rest.idNumber, password: rest.password };
  return { ...rest, existingUser: false };
};
