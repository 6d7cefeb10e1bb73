import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { isApiError } from '../../../api/client';
import { claimKeys, claimsApi } from '../claims.api';

type Year = { creditYear: number; publicHours: number; specializedHours: number; publicFullYear: boolean; specializedFullYear: boolean };

const hoursText = (hours: number, fullYear: boolean) => (fullYear ? '全年完成' : `${hours}`);

/** The approved hours of each year (a claim counts once its last reviewer approves it). */
export const MyHoursCard = () => {
  const { data, isLoading, error } = useQuery({ queryKey: claimKeys.hours, queryFn: claimsApi.hours });
  return (
    <Card title="已计入的学时" size="small" className="claims-hours">
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      <Table<Year>
        size="small"
        rowKey="creditYear"
        loading={isLoading}
        pagination={false}
        dataSource={data?.years ?? []}
        locale={{ emptyText: '暂无审核通过的学时' }}
        columns={[
          { title: '认证年度', dataIndex: 'creditYear' },
          { title: '公需科目', render: (_, y) => hoursText(y.publicHours, y.publicFullYear) },
          { title: '专业科目', render: (_, y) => hoursText(y.specializedHours, y.specializedFullYear) },
          { title: '合计', render: (_, y) => y.publicHours + y.specializedHours },
        ]}
      />
    </Card>
  );
};
