import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Tag, message } from 'antd';
import { PersonName, type RegistrationLookupItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { CaptchaField, useCaptchaRound } from '../../../components/CaptchaField';
import { idNumberRule, schemaRule } from '../../../components/form-rules';
import { registrationApi } from '../registration.api';
import { WithdrawDialog } from '../components/WithdrawDialog';
import '../registration.css';

type Values = { name: string; idNumber: string; captchaToken?: string };

const statusColor = { pending: 'processing', inReview: 'processing', rejected: 'error' } as const;

const LookupItem = ({ item, onWithdraw }: { item: RegistrationLookupItem; onWithdraw: () => void }) => (
  <Card
    size="small"
    className="lookup-item"
    title={
      <>
        {item.kindLabel} · {item.orgName} <Tag color={statusColor[item.status]}>{item.statusLabel}</Tag>
      </>
    }
    extra={
      item.canWithdraw ? (
        <Button danger size="small" onClick={onWithdraw}>
          撤回申请
        </Button>
      ) : null
    }
  >
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label="审核单位">{item.reviewer.name}</Descriptions.Item>
      <Descriptions.Item label="所在地区">{item.reviewer.regionName}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{item.reviewer.phone ?? '未登记，可拨打114查询'}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{item.submittedAt.slice(0, 10)}</Descriptions.Item>
      <Descriptions.Item label={item.status === 'rejected' ? '审核用时' : '已等待'}>{item.daysWaited} 天</Descriptions.Item>
      {item.rejectReason ? <Descriptions.Item label="驳回原因">{item.rejectReason}</Descriptions.Item> : null}
    </Descriptions>
  </Card>
);

/** 综合查询 - 注册审核进度查询: name + ID number + slider; each waiting or rejected registration with its reviewer. */
export const RegistrationLookupPage = () => {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptchaRound(form);
  const [who, setWho] = useState({ name: '', idNumber: '' });
  const [items, setItems] = useState<RegistrationLookupItem[] | null>(null);
  const [withdrawing, setWithdrawing] = useState<RegistrationLookupItem | null>(null);
  const lookup = useMutation({
    mutationFn: (v: Values) =>
      registrationApi.lookup({ name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase(), captchaToken: v.captchaToken ?? '' }),
    onSuccess: (result, v) => {
      setItems(result.items);
      setWho({ name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase() });
    },
    onSettled: captcha.renew,
  });
  return (
    <Card className="registration-card" title="注册审核进度查询">
      <Form<Values> form={form} layout="vertical" onFinish={(v) => lookup.mutate(v)} requiredMark={false}>
        {lookup.error ? (
          <Alert
            type="error"
            showIcon
            title={isApiError(lookup.error) ? lookup.error.message : '查询失败，请稍后再试'}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item name="name" label="姓名" rules={[schemaRule(PersonName, '请输入注册时的姓名')]}>
          <Input maxLength={30} placeholder="注册时填写的姓名" />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[idNumberRule]} validateTrigger="onBlur">
          <Input maxLength={18} placeholder="注册时填写的身份证号" />
        </Form.Item>
        <CaptchaField round={captcha.round} />
        <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
          查询
        </Button>
      </Form>
      {items ? (
        <div style={{ marginTop: 24 }}>
          {items.length === 0 ? (
            <Empty
              description={
                <>
                  未查询到待审核或被驳回的注册信息。<Link to="/register">去注册</Link>
                </>
              }
            />
          ) : (
            items.map((item) => <LookupItem key={item.requestId} item={item} onWithdraw={() => setWithdrawing(item)} />)
          )}
        </div>
      ) : null}
      <WithdrawDialog
        item={withdrawing}
        who={who}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={(id) => {
          setWithdrawing(null);
          setItems((list) => list?.filter((i) => i.requestId !== id) ?? null);
          void message.success('注册申请已撤回，您可以重新注册');
        }}
      />
    </Card>
  );
};
