import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** GB/T 2260 regions of the deployed province, loaded from the profile at start. */
export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  fullName: string;
}

/**
 * Every organization. `path` is the materialized chain of superiors ending with the org itself
 * ("/<root id>/.../<own id>/"), so an org's subtree is one indexed prefix query.
 */
export interface OrgTable {
  id: Generated<string>;
  kind: 'hrBureau' | 'authority' | 'employer' | 'provider' | 'platform';
  name: string;
  creditCode: string | null;
  regionCode: string;
  bureauLevel: 'province' | 'city' | 'county' | null;
  superiorId: string | null;
  path: string;
  /** 'closed': 审核单位注销 approved; its admins still log in, to read only. */
  status: 'pending' | 'active' | 'disabled' | 'rejected' | 'withdrawn' | 'closed';
  nature: string | null;
  orgLevel: string | null;
  industry: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contactName: string | null;
  isPlaceholder: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One natural person, keyed by ID number; holds the one password all of the person's accounts share. */
export interface PersonTable {
  id: Generated<string>;
  idNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  passwordHash: string;
  passwordChangedAt: Timestamp;
  /** Set by an admin reset: only the change-password step is allowed until a new password is chosen. */
  mustChangePassword: Generated<boolean>;
  tempPasswordExpiresAt: Timestamp | null;
  /**
   * False while the phone and e-mail are what an org's admin typed in (新增管理员, 编辑管理员): 忘记密码 will not send
   * codes there, or the org could recover, and so take over, the person's account elsewhere.
   */
  contactsConfirmed: Generated<boolean>;
  createdAt: Timestamp;
}

/** A role a person holds: the professional account, or an admin account of one org. */
export interface AccountTable {
  id: Generated<string>;
  personId: string;
  kind: 'professional' | 'admin';
  orgId: string;
  isSuperAdmin: Generated<boolean>;
  roleId: string | null;
  status: 'pending' | 'active' | 'disabled' | 'rejected' | 'withdrawn';
  createdAt: Timestamp;
  lastLoginAt: Timestamp | null;
}

/** A named set of permission modules an org's super admin grants to its other admins. */
export interface RoleTable {
  id: Generated<string>;
  orgId: string;
  name: string;
  description: string | null;
  permissions: string[];
  createdAt: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  accountId: string;
  personId: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
  /** An admin's session between the password and the second factor: what it still has to do. */
  mfaPending: 'verify' | 'enroll' | null;
}

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Never holds a password or a full ID number. */
export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  requestId: string | null;
  ip: string | null;
  actorPersonId: string | null;
  actorAccountId: string | null;
  actorOrgId: string | null;
  event: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure';
  reason: string | null;
  detail: Json | null;
}

/** Messages to people (SMS, e-mail, in-app); the default notifier only writes here. */
export interface OutboxTable {
  id: Generated<string>;
  channel: 'sms' | 'email' | 'inbox';
  personId: string | null;
  destination: string | null;
  subject: string;
  body: string;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

export interface PlatformSettingTable {
  key: string;
  value: string;
}

export interface CoreTables {
  region: RegionTable;
  org: OrgTable;
  person: PersonTable;
  account: AccountTable;
  role: RoleTable;
  session: SessionTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  platformSetting: PlatformSettingTable;
}
