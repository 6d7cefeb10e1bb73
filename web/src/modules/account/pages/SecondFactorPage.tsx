import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import type { SessionInfo } from '@cep/contracts';
import { authApi } from '../../../api/auth.api';
import { isApiError } from '../../../api/client';
import { useSetSession } from '../../../access/session';
import './second-factor.css';

const CODE_RULE = { required: true, pattern: /^(\d{6}|[a-zA-Z2-9]{4}-?[a-zA-Z2-9]{4})$/, message: '请输入身份验证器上的6位数字' };

const errorOf = (error: unknown) => (error ? (isApiError(error) ? error.message : '操作失败，请稍后再试') : null);

/** The code box both steps share: six digits from the app (or, when verifying, a recovery code). */
const CodeForm = ({
  label,
  busy,
  error,
  onCode,
  extra,
}: {
  label: string;
  busy: boolean;
  error: string | null;
  onCode: (code: string) => void;
  extra?: string;
}) => (
  <Form layout="vertical" requiredMark={false} onFinish={(v: { code: string }) => onCode(v.code.trim())}>
    {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
    <Form.Item name="code" label={label} rules={[CODE_RULE]} extra={extra}>
      <Input className="second-factor__code" inputMode="numeric" autoComplete="one-time-code" maxLength={9} placeholder="6位动态口令" autoFocus />
    </Form.Item>
    <Button type="primary" htmlType="submit" loading={busy} block>
      确定
    </Button>
  </Form>
);

/** 动态口令验证: the code the authenticator shows now, or one recovery code when the phone is lost. */
const Verify = () => {
  const setSession = useSetSession();
  const verify = useMutation({ mutationFn: authApi.verifyMfa, onSuccess: setSession });
  return (
    <Card title="动态口令验证" className="workspace-narrow-card">
      <p>管理员账号登录须输入手机身份验证器 App 上显示的6位动态口令。</p>
      <CodeForm
        label="动态口令"
        busy={verify.isPending}
        error={errorOf(verify.error)}
        onCode={(code) => verify.mutate(code)}
        extra="手机丢失时，可输入绑定时保存的恢复码；恢复码也用完时，请联系本单位或上级单位的超级管理员重置动态口令。"
      />
    </Card>
  );
};

/** The ten recovery codes, shown once after binding; the workspace opens when the admin says they are kept. */
const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => (
  <Card title="请保存恢复码" className="workspace-narrow-card">
    <Alert
      type="warning"
      showIcon
      title="恢复码只显示这一次。手机丢失时，每个恢复码可代替动态口令登录一次，请抄写或打印后妥善保管。"
      style={{ marginBottom: 16 }}
    />
    <div className="second-factor__recovery">
      {codes.map((c) => (
        <Typography.Text key={c} code copyable={false}>
          {c}
        </Typography.Text>
      ))}
    </div>
    <Button type="primary" block onClick={onDone} style={{ marginTop: 16 }}>
      我已保存，进入平台
    </Button>
  </Card>
);

/** 绑定动态口令: scan the QR code (or type the key) into an authenticator app, then prove it with its first code. */
const Enroll = () => {
  const setSession = useSetSession();
  const [done, setDone] = useState<{ codes: string[]; session: SessionInfo } | null>(null);
  const start = useMutation({ mutationFn: authApi.startMfaEnrollment });
  const confirm = useMutation({
    mutationFn: authApi.confirmMfaEnrollment,
    onSuccess: (r) => setDone({ codes: r.recoveryCodes, session: r.session }),
  });
  const { mutate: begin } = start;
  const begun = useRef(false);
  useEffect(() => {
    // One secret per visit: a second request would replace the one the QR code shows.
    if (begun.current) return;
    begun.current = true;
    begin();
  }, [begin]);
  if (done) return <RecoveryCodes codes={done.codes} onDone={() => setSession(done.session)} />;
  const enrollment = start.data;
  return (
    <Card title="绑定动态口令" className="workspace-narrow-card">
      <p>
        为保护管理数据，管理员账号须绑定手机身份验证器（如 Microsoft Authenticator、Google Authenticator 或支持“动态口令”的
        App），之后每次登录输入其显示的6位数字。
      </p>
      {errorOf(start.error) ? <Alert type="error" showIcon title={errorOf(start.error)} /> : null}
      {enrollment ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div className="second-factor__qr">
            <img src={enrollment.qrCode} alt="动态口令二维码" width={200} height={200} />
          </div>
          <div>
            无法扫码时，在 App 中手动输入密钥：
            <Typography.Text code className="second-factor__secret" data-testid="mfa-secret">
              {enrollment.secret}
            </Typography.Text>
          </div>
          <CodeForm label="App 显示的6位动态口令" busy={confirm.isPending} error={errorOf(confirm.error)} onCode={(code) => confirm.mutate(code)} />
        </Space>
      ) : null}
    </Card>
  );
};

/** The admin's second factor, shown instead of the workspace until it is done. */
export const SecondFactorPage = ({ step }: { step: 'verify' | 'enroll' }) => (step === 'enroll' ? <Enroll /> : <Verify />);
