import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { IdcardOutlined, LockOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { loginRoleLabels, type LoginRole } from '@cep/contracts';
import { authApi } from '../../../api/auth.api';
import { isApiError, type ApiError } from '../../../api/client';
import { SESSION_TIMEOUT_NOTICE, noticeOf, useSetSession } from '../../../access/session';
import { WORKSPACE_PATH } from '../../../access/menu';
import { CaptchaField, useCaptchaRound } from '../../../components/CaptchaField';
import { idNumberRule } from '../../../components/form-rules';
import { LoginErrorAlert } from './LoginErrorAlert';

/** The portal's roles in the order the real login boxes list them; 平台运维 is for the operators. */
const roleOrder: LoginRole[] = ['professional', 'employer', 'authority', 'provider', 'hrBureau', 'platform'];
const roleOptions = roleOrder.map((role) => ({ value: role, label: loginRoleLabels[role] }));

type LoginForm = { role: LoginRole; idNumber: string; password: string; captchaToken?: string };

const useLogin = (onFailure: () => void) => {
  const navigate = useNavigate();
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (values: LoginForm) =>
      authApi.login({
        role: values.role,
        idNumber: values.idNumber.trim().toUpperCase(),
        password: values.password,
        captchaToken: values.captchaToken ?? '',
      }),
    onSuccess: (session) => {
      setSession(session);
      void navigate(WORKSPACE_PATH);
    },
    onError: onFailure,
  });
};

/** "平台登录入口": role, ID number, password, the slider, and the links the seeds point users to. */
export const LoginBox = () => {
  const [form] = Form.useForm<LoginForm>();
  const location = useLocation();
  const notice = noticeOf(location.state);
  const captcha = useCaptchaRound(form);
  // Every login attempt spends the slider token, so a failure always brings a new puzzle.
  const login = useLogin(captcha.renew);
  const error: ApiError | null = login.error && isApiError(login.error) ? login.error : null;

  return (
    <Card className="portal-card portal-login" title="平台登录入口">
      {notice && !login.isError ? (
        <Alert type={notice === SESSION_TIMEOUT_NOTICE ? 'warning' : 'info'} showIcon title={notice} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <LoginErrorAlert error={error} /> : null}
      <Form<LoginForm> form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'professional' }} onFinish={(v) => login.mutate(v)}>
        <Form.Item name="role" label="登录角色" rules={[{ required: true, message: '请选择登录角色' }]}>
          <Select options={roleOptions} suffixIcon={<UserSwitchOutlined />} aria-label="登录角色" />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[idNumberRule]} validateTrigger="onBlur">
          <Input prefix={<IdcardOutlined />} placeholder="请输入注册时的身份证号" maxLength={18} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" maxLength={128} autoComplete="current-password" />
        </Form.Item>
        <CaptchaField round={captcha.round} />
        <div className="portal-login__forgot">
          <Link to="/forgot-password">忘记密码？</Link>
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
        <div className="portal-login__links" style={{ marginTop: 12 }}>
          <Link to="/register">注册</Link>
          <Link to="/lookup">综合查询</Link>
        </div>
      </Form>
    </Card>
  );
};
