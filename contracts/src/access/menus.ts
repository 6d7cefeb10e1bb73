import type { LoginRole } from './roles';

/**
 * The workspace menu of each login role, as the seeds' manuals draw it. A leaf's `permission` is the
 * permission module an admin role grants and every API of that page checks; `built` is false for pages
 * a later issue delivers (the workspace shows "建设中" for them).
 */
export type MenuItem = {
  key: string;
  label: string;
  permission?: string;
  built?: boolean;
  /** A reviewer queue: its page lists the request kinds the server files under this key (GET /api/reviews/kinds). */
  queue?: boolean;
  children?: MenuItem[];
};

// The helpers keep each code's literal type, so `Permission` below is the union of the codes the menus hold.
const leaf = <const P extends string>(permission: P, label: string, built = false) =>
  ({ key: permission, label, permission, built }) satisfies MenuItem;
const queue = <const P extends string>(permission: P, label: string, built = false) =>
  ({ ...leaf(permission, label, built), queue: true }) satisfies MenuItem;

const accountSelf = {
  key: 'account.self',
  label: '本级机构管理',
  children: [
    leaf('org.profile', '基本信息管理', true),
    leaf('org.divisions', '管理内设部门', true),
    leaf('org.admins', '管理单位管理员', true),
    leaf('org.roles', '角色管理', true),
  ],
} satisfies MenuItem;

const statistics = <const E extends MenuItem[] = []>(extra: E = [] as unknown as E) => ({
  key: 'statistics',
  label: '查询统计',
  children: [leaf('statistics.overview', '继续教育综合统计'), leaf('statistics.people', '专技人员信息查询', true), ...extra],
});

const menus = {
  professional: [
    leaf('me.profile', '用户资料管理', true),
    leaf('me.claims', '学时(分)申报', true),
    leaf('me.progress', '申报进度查询', true),
    leaf('me.completion', '年度完成情况', true),
    leaf('me.inbox', '消息中心', true),
  ],
  employer: [
    {
      key: 'accounts',
      label: '账户管理',
      children: [accountSelf, { key: 'account.children', label: '下属机构管理', children: [leaf('subordinates.employers', '管理二级单位', true)] }],
    },
    {
      key: 'reviews',
      label: '审核账户',
      children: [
        queue('reviews.professionals', '审核注册人员', true),
        queue('reviews.employers', '审核二级单位', true),
        queue('reviews.profileChanges', '审核人员信息修改', true),
        queue('reviews.transfers', '人员调转', true),
        queue('reviews.orgChanges', '审核机构信息修改', true),
        queue('reviews.closures', '审核注销人员', true),
      ],
    },
    {
      key: 'claims',
      label: '学时(分)审核',
      children: [queue('claims.review', '学时审核', true), leaf('claims.plans', '单位培训计划', true), leaf('claims.records', '单位申报记录', true)],
    },
    leaf('imports.people', '批量导入', true),
    statistics(),
  ],
  authority: [
    {
      key: 'accounts',
      label: '账户管理',
      children: [
        accountSelf,
        {
          key: 'account.children',
          label: '下属机构管理',
          children: [leaf('subordinates.employers', '管理用人单位', true), leaf('subordinates.providers', '管理继续教育机构', true)],
        },
      ],
    },
    {
      key: 'reviews',
      label: '审核账户',
      children: [
        queue('reviews.employers', '审核用人单位', true),
        queue('reviews.providers', '审核继续教育机构', true),
        queue('reviews.orgChanges', '审核机构信息修改', true),
      ],
    },
    { key: 'claims', label: '学时(分)审核', children: [queue('claims.review', '学时审核', true)] },
    statistics(),
  ],
  provider: [
    { key: 'accounts', label: '账户管理', children: [accountSelf] },
    {
      key: 'training',
      label: '培训管理',
      children: [
        leaf('training.plans', '培训计划申报', true),
        leaf('training.proxyClaims', '代申报学时', true),
        leaf('training.annualReport', '年度报告', true),
      ],
    },
  ],
  hrBureau: [
    leaf('org.profile', '基本信息维护', true),
    {
      key: 'accounts',
      label: '管理账户',
      children: [
        leaf('subordinates.bureaus', '管理下级人社', true),
        leaf('subordinates.authorities', '管理主管部门', true),
        leaf('subordinates.employers', '管理用人单位', true),
        leaf('subordinates.providers', '管理继续教育基地', true),
        leaf('org.divisions', '管理内设部门', true),
        leaf('org.admins', '管理单位管理员', true),
        leaf('org.roles', '角色管理', true),
      ],
    },
    {
      key: 'reviews',
      label: '审核账户',
      children: [
        queue('reviews.authorities', '审核主管部门', true),
        queue('reviews.employers', '审核用人单位', true),
        queue('reviews.professionals', '审核注册人员', true),
        queue('reviews.providers', '审核继续教育基地', true),
        queue('reviews.profileChanges', '审核人员信息修改', true),
        queue('reviews.orgChanges', '审核机构信息修改', true),
        queue('reviews.transfers', '人员调转', true),
        queue('reviews.annualReports', '审核继续教育基地年度报告', true),
        queue('reviews.trainingPlans', '审核培训计划申报', true),
        queue('reviews.closures', '审核注销人员', true),
        queue('reviews.orgMerges', '审核单位合并', true),
        queue('reviews.orgClosures', '审核单位注销', true),
      ],
    },
    {
      key: 'claims',
      label: '学时学分审批',
      children: [
        queue('claims.review', '学时学分审批', true),
        leaf('claims.file', '学时学分申报', true),
        leaf('claims.records', '单位申报记录', true),
      ],
    },
    leaf('imports.people', '批量导入', true),
    statistics([
      leaf('statistics.certificates', '电子证书查询打印', true),
      leaf('statistics.titles', '职称系列和等级分布'),
      leaf('statistics.verify', '学习记录验证', true),
    ]),
    { key: 'hoursSync', label: '学时对接', children: [leaf('hoursSync.sources', '学习平台对接', true)] },
    { key: 'portal', label: '门户管理', children: [leaf('notices.manage', '通知公告', true), leaf('helpdesk.kb', '知识库管理', true)] },
  ],
  platform: [{ key: 'ops', label: '平台运维', children: [leaf('ops.outbox', '消息发件箱', true), leaf('helpdesk.tickets', '客服工单', true)] }],
} satisfies Record<LoginRole, MenuItem[]>;

type PermissionIn<T> = T extends { permission: infer P extends string } ? P : T extends { children: readonly (infer C)[] } ? PermissionIn<C> : never;

/** Every permission module code, as the menus hold them: a code that is in no menu does not compile. */
export type Permission = PermissionIn<(typeof menus)[LoginRole][number]>;

export const menusByRole: Record<LoginRole, MenuItem[]> = menus;

/** Every permission module a role's menu holds: what a super admin of that org kind may use. */
export const permissionsOf = (role: LoginRole): Permission[] => {
  const out: Permission[] = [];
  const walk = (items: MenuItem[]) => {
    for (const i of items) {
      if (i.permission) out.push(i.permission as Permission);
      else walk(i.children ?? []);
    }
  };
  walk(menusByRole[role]);
  return [...new Set(out)];
};
