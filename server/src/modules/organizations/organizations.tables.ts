import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 内设部门: an internal department of one org; divisions nest under a parent of the same org. */
export interface DivisionTable {
  id: Generated<string>;
  orgId: string;
  parentId: string | null;
  name: string;
  status: 'active' | 'disabled';
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A superior's 移除权限 over an org: which admin accounts it disabled, so a restore re-enables only those. */
export interface OrgAdminRevocationTable {
  orgId: string;
  accountIds: string[];
  revokedAt: Timestamp;
  revokedByAccountId: string | null;
}

export interface OrganizationsTables {
  division: DivisionTable;
  orgAdminRevocation: OrgAdminRevocationTable;
}

declare module '../../platform/db/schema' {
  interface Database extends OrganizationsTables {}
}
