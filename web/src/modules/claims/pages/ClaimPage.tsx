import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { claimKeys, claimsApi } from '../claims.api';
import { ClaimForm } from '../components/ClaimForm';
import { MyHoursCard } from '../components/MyHoursCard';
import '../claims.css';

export const ClaimPage = () => {
  const { data, isLoading, error } = useQuery({ queryKey: claimKeys.forms, queryFn: claimsApi.forms });
  return (
    <div className="claims-page">
      <Card title="学时(分)申报" className="claims-page__form">
        <Typography.Paragraph type="secondary">
          提交后由用人单位、主管部门、人社部门逐级审核，全部审核通过后计入学时；可在【申报进度查询】查看审核进度，单位审核前可撤回。
        </Typography.Paragraph>
        {isLoading ? <Skeleton active /> : null}
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        {data ? <ClaimForm view={data} /> : null}
      </Card>
      <MyHoursCard />
    </div>
  );
};
