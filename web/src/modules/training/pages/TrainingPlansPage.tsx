import { useState, type ReactNode } from 'react';
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
import { ProxyClaimDrawer } from '../components/ProxyClaimDrawer';
import '../training.css';

const PAGE_SIZE = 10;

const claimHint = (plan: TrainingPlanItem) => {
  if (plan.status !== 'approved') return '审核通过后可申报';
  return plan.canClaim ? null : `培训结束（${plan.endDate}）后可申报`;
};

/** What one sponsor page shows: its words, whether it files plans, and how it claims hours under an approved plan. */
type PlansPageConfig = {
  title: string;
  intro: string;
  /** 新增培训计划, with the message once filed; absent on a page that only claims under plans. */
  create?: { submitted: string };
  /** The 学时申报 action of each plan, its drawer, and the list of the claims filed. */
  claim?: {
    label: string;
    drawer: (plan: TrainingPlanItem | null, onClose: () => void) => ReactNode;
    progress: { title: string; kind: string; empty: string };
  };
};

const PlansPage = ({ title, intro, create, claim }: PlansPageConfig) => {
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
        title={title}
        className="training-plans"
        extra={
          create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增培训计划
            </Button>
          ) : null
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={intro} />
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        <Table<TrainingPlanItem>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 860 }}
          locale={{ emptyText: create ? '暂无培训计划，点击“新增培训计划”提交' : '暂无培训计划，请先在“培训计划申报”中提交' }}
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
            ...(claim
              ? [
                  {
                    title: '操作',
                    fixed: 'right' as const,
                    width: 130,
                    render: (_: unknown, p: TrainingPlanItem) => (
                      <>
                        <Button type="link" size="small" disabled={!p.canClaim} onClick={() => setClaiming(p)}>
                          {claim.label}
                        </Button>
                        {claimHint(p) ? <div className="training-plans__sub">{claimHint(p)}</div> : null}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {claim ? <RequestProgressList {...claim.progress} /> : null}
      {create ? <PlanFormDrawer open={creating} onClose={() => setCreating(false)} submitted={create.submitted} /> : null}
      {claim?.drawer(claiming, () => setClaiming(null))}
    </div>
  );
};

/** 单位培训计划 (seed 002): plans reviewed by the 主管部门 and the bureau; under an approved one, the attendees' hours. */
export const TrainingPlansPage = () => (
  <PlansPage
    title="单位培训计划"
    intro="培训计划由主管部门、同级人社部门逐级审核；审核通过且培训结束后，可为参训的本单位专业技术人员申报学时（需上传签到表、现场照片等），申报仍需逐级审核通过后计入学时。"
    create={{ submitted: '培训计划已提交，待审核' }}
    claim={{
      label: '学时申报',
      drawer: (plan, onClose) => <UnitClaimDrawer plan={plan} onClose={onClose} />,
      progress: { title: '培训学时申报记录', kind: 'claim.unit', empty: '暂无培训学时申报' },
    }}
  />
);

/** 培训计划申报 of a 继续教育机构 (seed 002, 003 4.9): its plans, reviewed by the bureau of its region. */
export const ProviderPlansPage = () => (
  <PlansPage
    title="培训计划申报"
    intro="培训计划提交后由所在地人社部门审核（审核培训计划申报）；审核通过且培训结束后，在“代申报学时”中为参训人员申报学时。"
    create={{ submitted: '培训计划已提交，待人社部门审核' }}
  />
);

/** 代申报学时 of a 继续教育机构 (seed 003 5.2): hours for the participants of its approved plans, by roster. */
export const ProxyClaimsPage = () => (
  <PlansPage
    title="代申报学时"
    intro="审核通过且已结束的培训计划，可按签到表为参训的专业技术人员代申报学时（身份证号和姓名须与注册信息一致），由人社部门审批通过后计入学时。代申报的学时专业技术人员本人无法撤回，需由本机构撤回。"
    claim={{
      label: '代申报学时',
      drawer: (plan, onClose) => <ProxyClaimDrawer plan={plan} onClose={onClose} />,
      progress: { title: '代申报记录', kind: 'claim.proxy', empty: '暂无代申报记录' },
    }}
  />
);
