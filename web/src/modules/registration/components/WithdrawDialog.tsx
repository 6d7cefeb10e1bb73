import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import type { RegistrationLookupItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { registrationApi } from '../registration.api';
import { CaptchaField, useCaptchaRound } from '../../../components/CaptchaField';

type Props = {
  item: RegistrationLookupItem | null;
  who: { name: string; idNumber: string };
  onClose: () => void;
  onWithdrawn: (requestId: string) => void;
};

/** 撤回申请: the registration's password proves it is the applicant (seed 004 FAQ 10). */
export const WithdrawDialog = ({ item, who, onClose, onWithdrawn }: Props) => {
  const [form] = Form.useForm<{ password: string; captchaToken?: string }>();
  const captcha = useCaptchaRound(form);
  const withdraw = useMutation({
    mutationFn: (v: { password: string; captchaToken?: string }) =>
      registrationApi.withdraw({ ...who, password: v.password, captchaToken: v.captchaToken ?? '', requestId: item!.requestId }),
    onSuccess: () => {
      onWithdrawn(item!.requestId);
      form.resetFields();
    },
    onSettled: captcha.renew,
  });
  return (
    <Modal
      open={Boolean(item)}
      title="撤回注册申请"
      okText="确认撤回"
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      onOk={() => form.submit()}
      onCancel={() => {
        withdraw.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <p>
        撤回“{item?.orgName}”的{item?.kindLabel}后，可重新填写信息再次注册。
      </p>
      {withdraw.error ? (
        <Alert
          type="error"
          showIcon
          title={isApiError(withdraw.error) ? withdraw.error.message : '撤回失败，请稍后再试'}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v)}>
        <Form.Item name="password" label="注册时设置的密码" rules={[{ required: true, message: '请输入注册时的密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={20} />
        </Form.Item>
        <CaptchaField round={captcha.round} />
      </Form>
    </Modal>
  );
};
