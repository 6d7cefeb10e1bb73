import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Descriptions, Row, Tag } from 'antd';
import { loginRoleLabels, type MenuItem } from '@cep/contracts';
import { noticeOf, useCurrentSession } from '../../../access/session';
import { menuOfSession, pathOfMenuKey } from '../../../access/menu';
import { MyInvitations } from '../../admins/components/MyInvitations';
import { reviewKeys, reviewsApi } from '../../reviews/reviews.api';

type Waiting = Record<string, { count: number; overdue: number }>;

const leavesOf = (item: MenuItem): MenuItem[] => (item.children ? item.children.flatMap(leavesOf) : [item]);

const ModuleLinks = ({ items, waiting = {} }: { items: MenuItem[]; waiting?: Waiting }) => (
  <div className="workspace-home__links">
    {items.map((leaf) => (
      <Link key={leaf.key} to={pathOfMenuKey(leaf.key)} className="workspace-home__link">
        {leaf.label}
        {waiting[leaf.key]?.count ? (
          <Badge count={waiting[leaf.key]!.count} overflowCount={99_999} title={`待审核 ${waiting[leaf.key]!.count} 条`} />
        ) : null}
        {waiting[leaf.key]?.overdue ? <Tag color="red">{`超期 ${waiting[leaf.key]!.overdue}`}</Tag> : null}
        {leaf.built ? null : <Tag className="workspace-home__tag">建设中</Tag>}
      </Link>
    ))}
  </div>
);

/** What waits in the admin's reviewer queues, by menu key (the kept counts: cheap on every visit). */
const useWaiting = (isAdmin: boolean): Waiting => {
  const { data } = useQuery({ queryKey: reviewKeys.waiting, queryFn: reviewsApi.waiting, enabled: isAdmin });
  return Object.fromEntries((data ?? []).map((w) => [w.menuKey, { count: w.count, overdue: w.overdue }]));
};

/** 待办事项: each queue with something waiting, one click from the home page. */
const Todo = ({ menu, waiting }: { menu: MenuItem[]; waiting: Waiting }) => {
  const queues = menu.flatMap(leavesOf).filter((leaf) => waiting[leaf.key]?.count);
  if (queues.length === 0) return null;
  return (
    <Col span={24}>
      <Card title="待办事项" size="small" className="workspace-home__todo">
        <ModuleLinks items={queues} waiting={waiting} />
      </Card>
    </Col>
  );
};

/** 下级单位超期待办: a superior sees which of its subordinate orgs let requests wait past the 超期 days. */
const SubordinatesOverdue = ({ enabled }: { enabled: boolean }) => {
  const { data } = useQuery({ queryKey: reviewKeys.overdueSubordinates, queryFn: reviewsApi.overdueSubordinates, enabled });
  if (!data || data.items.length === 0) return null;
  return (
    <Col span={24}>
      <Card title={`下级单位超期未审核（超过${data.overdueDays}天）`} size="small" className="workspace-home__overdue">
        <div className="workspace-home__links">
          {data.items.map((item) => (
            <span key={item.orgId} className="workspace-home__link">
              {item.orgName}
              <Tag color="red">{`${item.count} 条`}</Tag>
            </span>
          ))}
        </div>
      </Card>
    </Col>
  );
};

/** The workspace's first page: who is signed in, for which org, what waits for them, and every module of the menu. */
export const WorkspaceHome = () => {
  const session = useCurrentSession();
  const notice = noticeOf(useLocation().state);
  const menu = useMemo(() => menuOfSession(session.account.role, session.permissions), [session]);
  const groups = menu.filter((item) => item.children);
  const singles = menu.filter((item) => !item.children);
  const waiting = useWaiting(session.account.role !== 'professional');
  return (
    <Row gutter={[16, 16]}>
      {notice ? (
        <Col span={24}>
          <Alert type="success" showIcon title={notice} />
        </Col>
      ) : null}
      <Col span={24}>
        <Card title={`您好，${session.person.name}`} extra={<span className="workspace-home__welcome">欢迎使用继续教育信息服务平台</span>}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label="登录角色">{loginRoleLabels[session.account.role]}</Descriptions.Item>
            <Descriptions.Item label="所在机构">{session.account.orgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{session.person.idNumberMasked}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <MyInvitations />
      <Todo menu={menu} waiting={waiting} />
      <SubordinatesOverdue enabled={session.account.role !== 'professional' && session.account.role !== 'platform'} />
      {singles.length ? (
        <Col xs={24} lg={12}>
          <Card title="常用功能" size="small">
            <ModuleLinks items={singles} waiting={waiting} />
          </Card>
        </Col>
      ) : null}
      {groups.map((group) => (
        <Col key={group.key} xs={24} lg={12}>
          <Card title={group.label} size="small">
            <ModuleLinks items={leavesOf(group)} waiting={waiting} />
          </Card>
        </Col>
      ))}
      {menu.length === 0 ? (
        <Col span={24}>
          <Alert type="info" showIcon title="您的账号暂未分配功能权限，请联系本单位超级管理员" />
        </Col>
      ) : null}
    </Row>
  );
};
