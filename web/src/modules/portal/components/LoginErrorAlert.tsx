import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from 'antd';
import type { ApiError } from '../../../api/client';

type Reviewer = { orgName?: unknown; regionName?: unknown };

const reviewerText = (details: Record<string, unknown>): string | null => {
  const reviewer = details.reviewer as Reviewer | undefined;
  if (!reviewer || typeof reviewer.orgName !== 'string') return null;
  const region = typeof reviewer.regionName === 'string' ? `${reviewer.regionName} ` : '';
  return `审核部门：${region}${reviewer.orgName}`;
};

/** The next step each login refusal offers, as the seeds' messages promise ("可点此立即注册" and so on). */
const actionOf = (error: ApiError): ReactNode => {
  switch (error.code) {
    case 'ACCOUNT_NOT_FOUND':
      // An ID number changed by 证件信息修改 has no registration to offer: the server leaves registerUrl out.
      return error.details.registerUrl ? <Link to="/register">立即注册</Link> : null;
    case 'ACCOUNT_UNDER_REVIEW':
      return <Link to="/lookup/registration">查看审核部门</Link>;
    case 'WRONG_PASSWORD':
    case 'ACCOUNT_LOCKED':
      return <Link to="/forgot-password">忘记密码</Link>;
    default:
      return null;
  }
};

export const LoginErrorAlert = ({ error }: { error: ApiError }) => {
  const reviewer = error.code === 'ACCOUNT_UNDER_REVIEW' ? reviewerText(error.details) : null;
  const action = actionOf(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.message}
      description={
        reviewer || action ? (
          <span className="portal-login__error-actions">
            {reviewer ? <span>{reviewer} </span> : null}
            {action}
          </span>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
};
