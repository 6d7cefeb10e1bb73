import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton } from 'antd';
import { isApiError } from '../../../api/client';
import { organizationKeys, organizationsApi } from '../organizations.api';
import { OrgDetailView } from '../components/OrgDetailView';

/** 基本信息: the signed-in admin's own org; 上级部门 is who reviews the org's requests (seed 000, Q5-11). */
export const OrgProfilePage = () => {
  const { data, error, isLoading } = useQuery({ queryKey: organizationKeys.profile, queryFn: organizationsApi.profile });
  return (
    <Card title="基本信息">
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {isLoading ? <Skeleton active /> : null}
      {data ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              data.superior
                ? `本单位的上级部门是“${data.superior.name}”，本单位的注册、信息修改等申请由其审核。`
                : '本单位是省级人社部门，没有上级部门。'
            }
          />
          <OrgDetailView org={data} />
        </>
      ) : null}
    </Card>
  );
};
