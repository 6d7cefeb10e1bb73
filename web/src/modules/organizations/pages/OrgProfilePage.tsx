import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { isApiError } from '../../../api/client';
import { useCurrentSession } from '../../../access/session';
import { RequestProgressList, type RequestSource } from '../../reviews/pages/MyProgressPage';
import { organizationKeys, organizationsApi } from '../organizations.api';
import { OrgDetailView } from '../components/OrgDetailView';
import { OrgChangeDrawer } from '../components/OrgChangeDrawer';
import { SuperiorChangeDrawer } from '../components/SuperiorChangeDrawer';
import { OrgClosureDialog } from '../components/OrgClosureDialog';
import { OrgMergeDrawer } from '../components/OrgMergeDrawer';

const changes: RequestSource = { key: organizationKeys.changes, fetch: (page, pageSize) => organizationsApi.changes(page, pageSize) };

/** Registered orgs change their facts through their superior; bureaus are the profile's. */
const CHANGEABLE = new Set(['employer', 'authority', 'provider']);

/**
 * 基本信息: the signed-in admin's own org; 上级部门 is who reviews the org's requests (seed 000, Q5-11); its super admin
 * files 修改单位信息 here, and 变更记录 follows them (seed 002 FAQ 29).
 */
export const OrgProfilePage = () => {
  const session = useCurrentSession();
  const [changing, setChanging] = useState(false);
  const [moving, setMoving] = useState(false);
  const [closing, setClosing] = useState(false);
  const [merging, setMerging] = useState(false);
  const { data, error, isLoading } = useQuery({ queryKey: organizationKeys.profile, queryFn: organizationsApi.profile });
  const changeable = data !== undefined && CHANGEABLE.has(data.kind);
  const active = data?.status === 'active';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="org-profile">
      <Card
        title="基本信息"
        extra={
          changeable && active && session.account.isSuperAdmin ? (
            <Space wrap>
              <Button type="primary" onClick={() => setChanging(true)}>
                修改单位信息
              </Button>
              <Button onClick={() => setMoving(true)}>更换上级部门</Button>
              {data?.kind === 'provider' ? null : (
                <>
                  <Button onClick={() => setMerging(true)}>申请合并</Button>
                  <Button danger onClick={() => setClosing(true)}>
                    申请注销
                  </Button>
                </>
              )}
            </Space>
          ) : null
        }
      >
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        {isLoading ? <Skeleton active /> : null}
        {data ? (
          <>
            {data.status === 'closed' ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title="本单位已注销：账号信息已停用，不能再办理业务，只能查看基本信息和操作记录。"
              />
            ) : null}
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
            <OrgChangeDrawer open={changing} org={data} onClose={() => setChanging(false)} />
            <SuperiorChangeDrawer open={moving} org={data} onClose={() => setMoving(false)} />
            <OrgClosureDialog open={closing} onClose={() => setClosing(false)} />
            <OrgMergeDrawer open={merging} org={data} onClose={() => setMerging(false)} />
          </>
        ) : null}
      </Card>
      {changeable ? <RequestProgressList title="变更记录" source={changes} empty="暂无变更记录" withdrawLabel="撤销" /> : null}
    </Space>
  );
};
