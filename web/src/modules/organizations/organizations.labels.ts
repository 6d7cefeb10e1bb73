import type { BureauLevel, OrgStatus, SubordinateKind } from '@cep/contracts';

export const orgStatusLabels: Record<OrgStatus, string> = {
  pending: '待审核',
  active: '正常',
  disabled: '已停用',
  rejected: '审核不通过',
  withdrawn: '已撤回',
  closed: '已注销',
};

export const bureauLevelLabels: Record<BureauLevel, string> = { province: '省级', city: '市级', county: '区县级' };

/** The page title of each subordinate list; an employer's own list is its 二级单位. */
export const subordinateTitles: Record<SubordinateKind, string> = {
  hrBureau: '管理下级人社',
  authority: '管理主管部门',
  employer: '管理用人单位',
  provider: '管理继续教育基地',
};

export type CodeName = { code: string; name: string };

/** The catalog name of a stored code (org nature, org level), or the stored text when it is not a code. */
export const nameOfCode = (list: readonly CodeName[] | undefined, code: string | null) =>
  code ? (list?.find((c) => c.code === code)?.name ?? code) : '—';
