import type { OrgKind, Permission } from '@cep/contracts';

/**
 * An org that holds trainings and claims its attendees' hours: an employer (单位培训计划 / 学时申报 for its own staff,
 * seed 002) or a provider (培训计划申报 / 代申报学时 for anyone registered, seed 002 and 003 5.2). One mechanism:
 * the sponsor names its kinds, its menus' permissions and who reviews.
 */
export type Sponsor = {
  orgKind: Extract<OrgKind, 'employer' | 'provider'>;
  planKind: string;
  claimKind: string;
  /** Files plans (新增培训计划). */
  planPermission: Permission;
  /** Files the attendees' claims under an approved plan. */
  claimPermission: Permission;
  /** The source of the hours records an approved claim credits. */
  recordSource: 'unitClaim' | 'proxyClaim';
};

export const employerSponsor: Sponsor = {
  orgKind: 'employer',
  planKind: 'plan.unit',
  claimKind: 'claim.unit',
  planPermission: 'claims.plans',
  claimPermission: 'claims.plans',
  recordSource: 'unitClaim',
};

export const providerSponsor: Sponsor = {
  orgKind: 'provider',
  planKind: 'plan.provider',
  claimKind: 'claim.proxy',
  planPermission: 'training.plans',
  claimPermission: 'training.proxyClaims',
  recordSource: 'proxyClaim',
};

export const sponsorOf = (orgKind: OrgKind): Sponsor | null =>
  orgKind === 'employer' ? employerSponsor : orgKind === 'provider' ? providerSponsor : null;
