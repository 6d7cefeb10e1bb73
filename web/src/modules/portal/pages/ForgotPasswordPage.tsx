import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Result, Steps } from 'antd';
import { SendCodeForm } from '../components/SendCodeForm';
import { ResetPasswordForm } from '../components/ResetPasswordForm';

type Stage = { step: 'identify' } | { step: 'reset'; idNumber: string; destinationMasked: string } | { step: 'done' };

/** 忘记密码: prove the registered phone or e-mail with a code, then choose a new password. */
export const ForgotPasswordPage = () => {
  const [stage, setStage] = useState<Stage>({ step: 'identify' });
  const current = stage.step === 'identify' ? 0 : stage.step === 'reset' ? 1 : 2;
  return (
    <Card className="portal-page-narrow" title="找回密码">
      <Steps
        current={current}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: '验证身份' }, { title: '设置新密码' }, { title: '完成' }]}
      />
      {stage.step === 'identify' ? <SendCodeForm onSent={(sent) => setStage({ step: 'reset', ...sent })} /> : null}
      {stage.step === 'reset' ? (
        <ResetPasswordForm
          idNumber={stage.idNumber}
          destinationMasked={stage.destinationMasked}
          onDone={() => setStage({ step: 'done' })}
          onRestart={() => setStage({ step: 'identify' })}
        />
      ) : null}
      {stage.step === 'done' ? (
        <Result
          status="success"
          title="密码已重置"
          subTitle="请使用新密码登录平台"
          extra={
            <Link to="/">
              <Button type="primary">返回首页登录</Button>
            </Link>
          }
        />
      ) : null}
    </Card>
  );
};
