import { useCallback, useState } from 'react';
import { Form, type FormInstance } from 'antd';
import { SliderCaptcha } from './SliderCaptcha';

/**
 * A form's slider round: `renew()` after any answer that spent the token (every server answer does)
 * clears the field and brings a new puzzle.
 */
export const useCaptchaRound = (form: FormInstance) => {
  const [round, setRound] = useState(0);
  const renew = useCallback(() => {
    form.setFieldValue('captchaToken', undefined);
    setRound((n) => n + 1);
  }, [form]);
  return { round, renew };
};

/** The "滑动完成验证" item of a form; its value is the token the solved slider earned. */
export const CaptchaField = ({ round }: { round: number }) => (
  <Form.Item name="captchaToken" label="滑动完成验证" rules={[{ required: true, message: '请先完成滑块验证' }]}>
    <SliderCaptcha refreshKey={round} />
  </Form.Item>
);
