import type { Profile, Region } from '@cep/profiles';
import type { Db, Tx } from '../../platform/db/database';
import { lockUntilCommit } from '../../platform/db/locks';
import { assertProfileMatches } from './organizations.profile-guard';
import { createOrg } from './organizations.writes';
import { findBureaus, findPlaceholderEmployer, findPlatformOrg, upsertRegions } from './organizations.provision.repository';

export const bureauName = (region: Region) =>
  region.level === 'province' ? `${region.name}人力资源和社会保障厅` : `${region.name}人力资源和社会保障局`;

export const PLATFORM_ORG_NAME = '平台运营中心';

type OrgRef = { id: string; path: string };

/** One HR bureau per region, each under the bureau of its parent region; returns every bureau by region code. */
const provisionBureaus = async (tx: Tx, profile: Profile): Promise<Map<string, OrgRef>> => {
  const existing = await findBureaus(tx);
  const byRegion = new Map<string, OrgRef>(existing.map((o) => [o.regionCode, o]));
  for (const region of profile.regions) {
    if (byRegion.has(region.code)) continue;
    const parent = region.parentCode ? byRegion.get(region.parentCode) : undefined;
    const bureau = {
      kind: 'hrBureau',
      name: bureauName(region),
      regionCode: region.code,
      bureauLevel: region.level,
      status: 'active',
      orgLevel: region.level,
    } as const;
    byRegion.set(region.code, await createOrg(tx, bureau, parent ?? null));
  }
  return byRegion;
};

const provisionPlatformOrg = async (tx: Tx, profile: Profile) => {
  if (await findPlatformOrg(tx)) return;
  await createOrg(tx, { kind: 'platform', name: PLATFORM_ORG_NAME, regionCode: profile.provinceCode, status: 'active' }, null);
};

/** The profile's 临时单位: active employers run by the bureau of their region (seed 001: 青岛市临时单位). */
const provisionPlaceholderEmployers = async (tx: Tx, profile: Profile, bureaus: Map<string, OrgRef>) => {
  for (const employer of profile.placeholderEmployers) {
    if (await findPlaceholderEmployer(tx, employer)) continue;
    const place = { kind: 'employer', name: employer.name, regionCode: employer.regionCode, status: 'active', isPlaceholder: true } as const;
    await createOrg(tx, place, bureaus.get(employer.regionCode)!);
  }
};

/**
 * Provisions the profile in one transaction: its regions, one HR bureau per region, the platform-operations
 * org and the placeholder employers. Idempotent: a second run adds only what is missing. Refuses a
 * database already provisioned for another province.
 */
export const provisionProfile = async (db: Db, profile: Profile) => {
  await db.transaction().execute(async (tx) => {
    // Two processes starting on one database would otherwise both insert the missing bureaus.
    await lockUntilCommit(tx, 'cep.provisionProfile');
    await assertProfileMatches(tx, profile);
    await upsertRegions(tx, profile.regions);
    const bureaus = await provisionBureaus(tx, profile);
    await provisionPlatformOrg(tx, profile);
    await provisionPlaceholderEmployers(tx, profile, bureaus);
  });
};
