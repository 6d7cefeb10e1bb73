import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Spin } from 'antd';
import { BankOutlined, ApartmentOutlined, ReadOutlined, UserOutlined } from '@ant-design/icons';
import { registrationKindLabels, RegistrationKind, type RegistrationReceipt } from '@cep/contracts';
import { registrationApi, registrationKeys } from '../registration.api';
import { RegistrationForm } from '../components/RegistrationForm';
import '../registration.css';

const roles: Array<{ kind: RegistrationKind; title: string; hint: string; icon: React.ReactNode }> = [
  { kind: 'professional', title: '专业技术人员', hint: '由所在用人单位审核', icon: <UserOutlined /> },
  { kind: 'employer', title: '用人单位', hint: '由上级单位、主管部门或同级人社部门审核', icon: <BankOutlined /> },
  { kind: 'authority', title: '主管部门', hint: '由同级人社部门审核', icon: <ApartmentOutlined /> },
  { kind: 'provider', title: '继续教育机构', hint: '由主管部门或人社部门审核', icon: <ReadOutlined /> },
];

const RoleChoice = ({ onChoose }: { onChoose: (kind: RegistrationKind) => void }) => (
  <Card title="选择注册角色" className="registration-card">
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="注册顺序：先主管部门注册，其后用人单位注册在主管部门下，专业技术人员再注册在所在单位下；审核通过后才能登录。"
    />
    <div className="registration-roles">
      {roles.map((r) => (
        <button key={r.kind} type="button" className="registration-role" onClick={() => onChoose(r.kind)} data-role={r.kind}>
          <span className="registration-role__icon">{r.icon}</span>
          <span className="registration-role__title">{r.title}</span>
          <span className="registration-role__hint">{r.hint}</span>
        </button>
      ))}
    </div>
  </Card>
);

const Done = ({ receipt }: { receipt: RegistrationReceipt }) => (
  <Card className="registration-card">
    <Result
      status="success"
      title="注册信息已提交"
      subTitle={
        <>
          <div>{receipt.message}</div>
          <div className="registration-reviewer">
            审核单位：{receipt.reviewer.name}（{receipt.reviewer.regionName}）{receipt.reviewer.phone ? `，联系电话 ${receipt.reviewer.phone}` : ''}
          </div>
        </>
      }
      extra={[
        <Link key="lookup" to="/lookup/registration">
          <Button type="primary">注册审核进度查询</Button>
        </Link>,
        <Link key="home" to="/">
          <Button>返回首页</Button>
        </Link>,
      ]}
    />
  </Card>
);

/** 注册: choose the role, fill its form, and learn who reviews it. */
export const RegisterPage = () => {
  const [params, setParams] = useSearchParams();
  const parsed = RegistrationKind.safeParse(params.get('role'));
  const kind = parsed.success ? parsed.data : null;
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null);
  const options = useQuery({ queryKey: registrationKeys.options, queryFn: registrationApi.options, staleTime: Infinity });
  if (receipt) return <Done receipt={receipt} />;
  if (!kind) return <RoleChoice onChoose={(k) => setParams({ role: k })} />;
  return (
    <Card
      className="registration-card"
      title={`${registrationKindLabels[kind]}`}
      extra={
        <Button type="link" onClick={() => setParams({})}>
          重新选择角色
        </Button>
      }
    >
      {options.data ? <RegistrationForm kind={kind} options={options.data} onDone={setReceipt} /> : <Spin />}
      {options.error ? <Alert type="error" title="加载选项失败，请刷新页面重试" /> : null}
    </Card>
  );
};
