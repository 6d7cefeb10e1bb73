import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { OrgDetail, OrgSummary, SubordinateKind } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { authApi } from '../../../api/auth.api';
import { findMenuItem, menuKeyOfPath, menuOfSession } from '../../../access/menu';
import { useCurrentSession } from '../../../access/session';
import { organizationKeys, organizationsApi, type SubordinateFilter } from '../organizations.api';
import { bureauLevelLabels, nameOfCode, orgStatusLabels, subordinateTitles, type CodeName } from '../organizations.labels';
import { OrgDetailView } from '../components/OrgDetailView';

type Filters = { name?: string; nature?: string; level?: string; status?: SubordinateFilter['status'] };
type Actions = { show: (o: OrgSummary) => void; revoke: (o: OrgSummary) => void; restore: (o: OrgSummary) => void };
type Catalogs = { natures?: CodeName[]; levels?: CodeName[] };

const optionsOf = (list?: CodeName[]) => (list ?? []).map((c) => ({ value: c.code, label: c.name }));

const columns = (kind: SubordinateKind, c: Catalogs, a: Actions): TableColumnsType<OrgSummary> => [
  { title: '名称', dataIndex: 'name', ellipsis: true },
  { title: '所在地区', dataIndex: 'regionName', width: 110 },
  { title: '上级部门', dataIndex: 'superiorName', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
  kind === 'hrBureau'
    ? { title: '级别', dataIndex: 'bureauLevel', width: 80, render: (v: keyof typeof bureauLevelLabels | null) => (v ? bureauLevelLabels[v] : '—') }
    : { title: '级别', dataIndex: 'orgLevel', width: 130, render: (v: string | null) => nameOfCode(c.levels, v) },
  { title: '性质', dataIndex: 'nature', width: 100, render: (v: string | null) => nameOfCode(c.natures, v) },
  { title: '状态', dataIndex: 'status', width: 80, render: (v: OrgSummary['status']) => orgStatusLabels[v] },
  {
    title: '管理员',
    width: 120,
    render: (_v, o) => (o.adminsRevoked ? <Tag color="red">已移除权限</Tag> : `${o.activeAdminCount} 名可登录`),
  },
  {
    title: '操作',
    width: 160,
    render: (_v, o) => (
      <Space size={4}>
        <Button type="link" size="small" onClick={() => a.show(o)}>
          详情
        </Button>
        {o.adminsRevoked ? (
          <Popconfirm title="恢复后该机构被移除权限的管理员可重新登录，确定恢复？" onConfirm={() => a.restore(o)}>
            <Button type="link" size="small">
              恢复权限
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm title="移除后该机构的管理员将不能再登录系统，确定移除？" onConfirm={() => a.revoke(o)}>
            <Button type="link" size="small" danger>
              移除权限
            </Button>
          </Popconfirm>
        )}
      </Space>
    ),
  },
];

const FilterBar = ({ kind, catalogs, onSearch }: { kind: SubordinateKind; catalogs: Catalogs; onSearch: (f: Filters) => void }) => {
  const [form] = Form.useForm<Filters>();
  const clean = (f: Filters): Filters => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Filters;
  return (
    <Form form={form} name="subordinateFilter" layout="inline" onFinish={(f) => onSearch(clean(f))} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="name" label="名称">
        <Input allowClear placeholder="机构名称" maxLength={100} />
      </Form.Item>
      {kind === 'hrBureau' ? (
        <Form.Item name="level" label="级别">
          <Select
            allowClear
            style={{ width: 110 }}
            options={[
              { value: 'city', label: '市级' },
              { value: 'county', label: '区县级' },
            ]}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="nature" label="性质">
            <Select allowClear style={{ width: 130 }} options={optionsOf(catalogs.natures)} />
          </Form.Item>
          <Form.Item name="level" label="级别">
            <Select allowClear style={{ width: 170 }} options={optionsOf(catalogs.levels)} />
          </Form.Item>
        </>
      )}
      <Form.Item name="status" label="状态">
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder="正常和停用"
          options={(['active', 'disabled', 'pending', 'rejected'] as const).map((s) => ({ value: s, label: orgStatusLabels[s] }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
};

/** 重置动态口令 of the org's super admin, for a superior's super admin: when their phone is lost. */
const ResetSuperAdminMfa = ({ org }: { org: OrgDetail }) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: () => authApi.resetMfa(org.superAdmin!.personId),
    onSuccess: (r) => {
      message.success(r.message);
      void client.invalidateQueries({ queryKey: organizationKeys.subordinate(org.id) });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  if (!org.superAdmin?.mfaEnrolled) return null;
  return (
    <Popconfirm title="重置后该单位超级管理员下次登录须重新绑定身份验证器，确定重置？" onConfirm={() => reset.mutate()}>
      <Button style={{ marginTop: 16 }} loading={reset.isPending}>
        重置超级管理员动态口令
      </Button>
    </Popconfirm>
  );
};

const DetailDrawer = ({ orgId, onClose }: { orgId: string | null; onClose: () => void }) => {
  const session = useCurrentSession();
  const { data, error } = useQuery({
    queryKey: organizationKeys.subordinate(orgId ?? ''),
    queryFn: () => organizationsApi.subordinate(orgId!),
    enabled: Boolean(orgId),
  });
  return (
    <Drawer open={Boolean(orgId)} onClose={onClose} size={720} title="机构详情">
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {data ? <OrgDetailView org={data} /> : null}
      {data && session.account.isSuperAdmin ? <ResetSuperAdminMfa org={data} /> : null}
    </Drawer>
  );
};

/** The label of the menu leaf being shown: one module is 管理用人单位 for a bureau and 管理二级单位 for an employer. */
const useMenuLabel = (fallback: string) => {
  const session = useCurrentSession();
  const key = menuKeyOfPath(useLocation().pathname);
  return useMemo(
    () => (key ? findMenuItem(menuOfSession(session.account.role, session.permissions), key)?.label : undefined) ?? fallback,
    [key, session, fallback],
  );
};

/** 管理下级人社 / 主管部门 / 用人单位 / 继续教育基地 (二级单位 for an employer): orgs below the signed-in org. */
const SubordinatesPage = ({ kind }: { kind: SubordinateKind }) => {
  const title = useMenuLabel(subordinateTitles[kind]);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<string | null>(null);
  const query: SubordinateFilter = { kind, ...filters, page, pageSize: 20 };
  const { data: options } = useQuery({ queryKey: organizationKeys.options, queryFn: organizationsApi.options, staleTime: Infinity });
  const catalogs: Catalogs = { natures: options?.orgNatures, levels: options?.orgLevels };
  const { data, isFetching, error } = useQuery({
    queryKey: organizationKeys.subordinates(query),
    queryFn: () => organizationsApi.subordinates(query),
    placeholderData: keepPreviousData,
  });
  const onError = (e: unknown) => message.error(isApiError(e) ? e.message : '操作失败');
  const done = (text: string) => (r: { affected: number }) => {
    message.success(`${text}（${r.affected} 名管理员）`);
    void client.invalidateQueries({ queryKey: organizationKeys.all });
  };
  const revoke = useMutation({ mutationFn: (o: OrgSummary) => organizationsApi.revokeAdmins(o.id), onSuccess: done('已移除权限'), onError });
  const restore = useMutation({ mutationFn: (o: OrgSummary) => organizationsApi.restoreAdmins(o.id), onSuccess: done('已恢复权限'), onError });
  return (
    <Card title={title}>
      <FilterBar
        kind={kind}
        catalogs={catalogs}
        onSearch={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<OrgSummary>
        rowKey="id"
        size="middle"
        columns={columns(kind, catalogs, { show: (o) => setShown(o.id), revoke: (o) => revoke.mutate(o), restore: (o) => restore.mutate(o) })}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '暂无下属机构' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      />
      <DetailDrawer orgId={shown} onClose={() => setShown(null)} />
    </Card>
  );
};

export const BureausPage = () => <SubordinatesPage kind="hrBureau" />;
export const AuthoritiesPage = () => <SubordinatesPage kind="authority" />;
export const EmployersPage = () => <SubordinatesPage kind="employer" />;
export const ProvidersPage = () => <SubordinatesPage kind="provider" />;
