import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { learningCategoryLabels, type TrainingPlanItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { requestStatusColors } from '../../reviews/reviews.helpers';
import { RequestProgressList } from '../../reviews/pages/MyProgressPage';
import { trainingApi, trainingKeys } from '../training.api';
import { PlanFormDrawer } from '../components/PlanFormDrawer';
import { UnitClaimDrawer } from '../components/UnitClaimDrawer';
import '../training.css';

const PAGE_SIZE = 10;

const claimHint = (plan: TrainingPlanItem) => {
  if (plan.status !== 'approved') return '审核通过后可申报';
  return plan.canClaim ? null : `培训结束（${plan.endDate}）后可申报`;
};

/** 单位培训计划 (seed 002): plans reviewed by the 主管部门 and the bureau; under an approved one, the attendees' hours. */
export const TrainingPlansPage = () => {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [claiming, setClaiming] = useState<TrainingPlanItem | null>(null);
  const { data, isFetching, error } = useQuery({
    queryKey: trainingKeys.plans(page),
    queryFn: () => trainingApi.plans(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="training-page">
      <Card
        title="单位培训计划"
        className="training-plans"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增培训计划
          </Button>
        }
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="培训计划由主管部门、同级人社部门逐级审核；审核通过且培训结束后，可为参训的本单位专业技术人员申报学时（需上传签到表、现场照片等），申报仍需逐级审核通过后计入学时。"
        />
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        <Table<TrainingPlanItem>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 860 }}
          locale={{ emptyText: '暂无培训计划，点击“新增培训计划”提交' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
          columns={[
            { title: '培训主题', dataIndex: 'title', width: 200 },
            { title: '培训时间', render: (_, p) => `${p.startDate} 至 ${p.endDate}`, width: 200 },
            { title: '每人学时', render: (_, p) => `${p.hours}（${learningCategoryLabels[p.category]}）`, width: 130 },
            { title: '地点', dataIndex: 'place', width: 140 },
            {
              title: '状态',
              width: 150,
              render: (_, p) => (
                <>
                  <Tag color={requestStatusColors[p.status]}>{p.statusLabel}</Tag>
                  {p.currentReviewerOrgName ? <div className="training-plans__sub">待{p.currentReviewerOrgName}审核</div> : null}
                </>
              ),
            },
            { title: '已申报', render: (_, p) => `${p.claimedPeople} 人`, width: 80 },
            {
              title: '操作',
              fixed: 'right',
              width: 130,
              render: (_, p) => (
                <>
                  <Button type="link" size="small" disabled={!p.canClaim} onClick={() => setClaiming(p)}>
                    学时申报
                  </Button>
                  {claimHint(p) ? <div className="training-plans__sub">{claimHint(p)}</div> : null}
                </>
              ),
            },
          ]}
        />
      </Card>
      <RequestProgressList title="培训学时申报记录" kind="claim.unit" empty="暂无培训学时申报" />
      <PlanFormDrawer open={creating} onClose={() => setCreating(false)} />
      <UnitClaimDrawer plan={claiming} onClose={() => setClaiming(null)} />
    </div>
  );
};
