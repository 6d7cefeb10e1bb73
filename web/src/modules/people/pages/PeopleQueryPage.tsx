import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { employmentLabels, type Employment, type PersonListItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { peopleApi, peopleKeys } from '../people.api';
import { EmploymentDialog } from '../components/EmploymentDialog';
import { ClosureDialog } from '../components/ClosureDialog';
import { PersonDrawer } from '../components/PersonDrawer';
import { ScopeEmployerSelect } from '../components/ScopeEmployerSelect';
import '../people.css';

const employmentColors: Record<Employment, string> = { active: 'green', left: 'default', retired: 'purple' };

const columns = (actions: {
  show: (p: PersonListItem) => void;
  mark: (p: PersonListItem) => void;
  restore: (p: PersonListItem) => void;
  close: (p: PersonListItem) => void;
  busy: boolean;
}): TableColumnsType<PersonListItem> => [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 90,
    fixed: 'left',
    render: (name: string, p) => (
      <Button type="link" size="small" className="people-query__name" onClick={() => actions.show(p)}>
        {name}
      </Button>
    ),
  },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, responsive: ['md'] },
  { title: '所在单位', dataIndex: 'employerName', responsive: ['md'] },
  { title: '职称', dataIndex: 'titleLabel', responsive: ['lg'] },
  {
    title: '状态',
    dataIndex: 'employment',
    width: 120,
    render: (e: Employment, p) => (
      <Space size={4} wrap>
        <Tag color={employmentColors[e]}>{employmentLabels[e]}</Tag>
        {p.employmentSince ? <span className="people-query__since">{p.employmentSince}</span> : null}
      </Space>
    ),
  },
  {
    title: '本年度学时（公需 / 专业）',
    key: 'hours',
    width: 120,
    render: (_, p) => `${p.thisYear.public} / ${p.thisYear.specialized}`,
  },
  {
    title: '操作',
    key: 'actions',
    width: 120,
    render: (_, p) =>
      !p.mayMark ? (
        <span className="people-query__muted">—</span>
      ) : p.employment === 'active' ? (
        <Button size="small" onClick={() => actions.mark(p)}>
          离职/退休
        </Button>
      ) : (
        <Space size={4} wrap>
          <Popconfirm title={`确定将${p.name}恢复为在职？`} onConfirm={() => actions.restore(p)}>
            <Button size="small" loading={actions.busy}>
              恢复在职
            </Button>
          </Popconfirm>
          {p.closurePending ? (
            <Tag color="orange">注销审核中</Tag>
          ) : (
            <Button size="small" danger onClick={() => actions.close(p)}>
              申请注销
            </Button>
          )}
        </Space>
      ),
  },
];

/** 职称系列 and 职称级别 filters, from the profile's lists. */
const TitleFilters = (props: { series?: string; level?: string; onChange: (f: { titleSeries?: string; titleLevel?: string }) => void }) => {
  const { data } = useQuery({ queryKey: peopleKeys.options, queryFn: peopleApi.options, staleTime: Number.POSITIVE_INFINITY });
  return (
    <>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={props.series}
        onChange={(titleSeries?: string) => props.onChange({ titleSeries })}
        placeholder="全部职称系列"
        style={{ width: 160 }}
        options={(data?.titleSeries ?? []).map((s) => ({ value: s.code, label: s.name }))}
        aria-label="职称系列"
      />
      <Select
        allowClear
        value={props.level}
        onChange={(titleLevel?: string) => props.onChange({ titleLevel })}
        placeholder="全部级别"
        style={{ width: 110 }}
        options={(data?.titleLevels ?? []).map((l) => ({ value: l.code, label: l.name }))}
        aria-label="职称级别"
      />
    </>
  );
};

/** 专技人员信息查询: the professionals of the admin's scope (在职 by default); the employer marks 离职 / 退休 here. */
export const PeopleQueryPage = () => {
  const { message } = App.useApp();
  const [employment, setEmployment] = useState<Employment>('active');
  const [keyword, setKeyword] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [marking, setMarking] = useState<PersonListItem | null>(null);
  const [closing, setClosing] = useState<PersonListItem | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [filters, setFilters] = useState<{ orgId?: string; titleSeries?: string; titleLevel?: string }>({});
  const query = { ...paging, employment, ...(keyword ? { keyword } : {}), ...filters };
  const filter = (patch: typeof filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const { data, isFetching, error } = useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => peopleApi.list(query),
    placeholderData: keepPreviousData,
  });
  const restore = useSubmission({
    submit: (p: PersonListItem) => peopleApi.markEmployment(p.personId, { employment: 'active' }),
    success: (r) => r.message,
    refresh: [peopleKeys.all],
  });
  if (restore.refusal) {
    message.error(restore.refusal);
    restore.setRefusal(null);
  }
  const counts = data?.counts;
  return (
    <Card title="专技人员信息查询" className="people-query">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={employment}
          onChange={(v) => {
            setEmployment(v as Employment);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(['active', 'left', 'retired'] as const).map((e) => ({
            value: e,
            label: counts ? `${employmentLabels[e]}（${counts[e] ?? 0}）` : employmentLabels[e],
          }))}
        />
        <ScopeEmployerSelect
          allowClear
          value={filters.orgId}
          onChange={(orgId) => filter({ orgId })}
          placeholder="全部单位"
          ariaLabel="所在单位"
          style={{ width: 200 }}
        />
        <TitleFilters series={filters.titleSeries} level={filters.titleLevel} onChange={filter} />
        <Input.Search
          allowClear
          placeholder="姓名或身份证号"
          style={{ width: 220 }}
          onSearch={(v) => {
            setKeyword(v.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Space>
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 12 }} /> : null}
      <Table<PersonListItem>
        rowKey="personId"
        size="small"
        loading={isFetching}
        columns={columns({
          show: (p) => setShown(p.personId),
          mark: setMarking,
          restore: (p) => restore.mutate(p),
          close: setClosing,
          busy: restore.isPending,
        })}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无人员' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <EmploymentDialog person={marking} onClose={() => setMarking(null)} />
      <PersonDrawer personId={shown} onClose={() => setShown(null)} />
      <ClosureDialog
        title={closing ? `申请注销：${closing.name}` : ''}
        open={closing !== null}
        submit={(v) => peopleApi.closeFor(closing!.personId, v)}
        onClose={() => setClosing(null)}
      />
    </Card>
  );
};
