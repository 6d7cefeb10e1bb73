import type { Permission, RegistrationKind } from '@cep/contracts';
import type { OrgTable } from '../../platform/db/core.tables';
import { AppError } from '../../platform/errors/app-error';

type OrgKind = OrgTable['kind'];
type Candidate = { kind: OrgKind; status: OrgTable['status'] } | undefined;

/** The reviewer permission module of each registration kind (contracts/src/access/menus.ts). */
export const reviewPermissionOf: Record<RegistrationKind, Permission> = {
  authority: 'reviews.authorities',
  employer: 'reviews.employers',
  provider: 'reviews.providers',
  professional: 'reviews.professionals',
};

/** What a chosen superior may be, per form field; seed 004 case 2 lets a bureau be an employer's 上级单位. */
export const superiorSlots = {
  parent: { label: '上级单位', kinds: ['employer', 'hrBureau'] as OrgKind[], field: 'parentOrgId' },
  authority: { label: '主管部门', kinds: ['authority'] as OrgKind[], field: 'authorityId' },
  peerBureau: { label: '同级人社部门', kinds: ['hrBureau'] as OrgKind[], field: 'regionCode' },
  employer: { label: '所在单位', kinds: ['employer'] as OrgKind[], field: 'employerId' },
};
export type SuperiorSlot = keyof typeof superiorSlots;

/** Why a chosen org cannot be the superior (or a professional's employer), or null when it can. */
export const superiorRefusal = (slot: SuperiorSlot, org: Candidate): AppError | null => {
  const { label, kinds, field: name } = superiorSlots[slot];
  const field = { details: { field: name } };
  if (!org || !kinds.includes(org.kind)) return new AppError('VALIDATION_FAILED', `所选${label}不存在，请重新选择`, field);
  if (org.status === 'active') return null;
  if (org.status === 'pending') {
    return slot === 'employer'
      ? new AppError('INVALID_STATE', '所选单位尚未通过注册审核，暂不能选择；请与单位确认，单位注册并审核通过后才能选择', field)
      : new AppError('INVALID_STATE', `所选${label}尚在注册审核中，审核通过后才能选择`, field);
  }
  return new AppError('INVALID_STATE', `所选${label}已停用或未通过审核，请重新选择`, field);
};

/**
 * The org that reviews an org registration, in the seeds' order: an employer's parent (二级单位), else
 * its authority, else the peer bureau of its region; a provider's authority, else its bureau.
 */
export const superiorSlotOf = (
  kind: Exclude<RegistrationKind, 'professional'>,
  choice: { parentOrgId?: string; authorityId?: string },
): SuperiorSlot => {
  if (kind === 'employer' && choice.parentOrgId) return 'parent';
  if (kind !== 'authority' && choice.authorityId) return 'authority';
  return 'peerBureau';
};

export const CREDIT_CODE_TAKEN_MESSAGE = '该统一社会信用代码已注册，请勿重复注册；如需查看审核进度，请使用“综合查询-注册审核进度查询”';
export const NOT_REGISTERED_MESSAGE = '该身份证号尚未在平台注册，请取消勾选“已是本系统用户”并填写完整信息';
export const WITHDRAW_CREDENTIALS_MESSAGE = '姓名、身份证号或密码不正确';

/** Which unique index a concurrent duplicate tripped, as the refusal the user should see. */
export const duplicateRefusal = (constraint: string | undefined, accountExists: string, professionalExists: string): AppError | null => {
  if (constraint === 'org_credit_code_live_idx') return new AppError('ALREADY_EXISTS', CREDIT_CODE_TAKEN_MESSAGE);
  if (constraint === 'account_one_professional_idx') return new AppError('ALREADY_EXISTS', professionalExists);
  if (constraint === 'person_id_number_key') return new AppError('ALREADY_EXISTS', accountExists);
  return null;
};
