import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * 新增管理员 of a person already on the platform: an invitation the person accepts after signing in, so
 * no org can make someone its admin (and then reset their password) without them (issue 7 finding 1).
 */
export interface AdminInvitationTable {
  id: Generated<string>;
  orgId: string;
  personId: string;
  /** Null once the role was deleted: the invitation can no longer be accepted. */
  roleId: string | null;
  invitedByAccountId: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  createdAt: Timestamp;
  expiresAt: Timestamp;
  decidedAt: Timestamp | null;
  /** The admin account the acceptance created. */
  accountId: string | null;
}

export interface AdminsTables {
  adminInvitation: AdminInvitationTable;
}

declare module '../../platform/db/schema' {
  interface Database extends AdminsTables {}
}
