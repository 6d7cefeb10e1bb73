import { sql } from 'kysely';
import type { Profile, Region } from '@cep/profiles';
import type { Db } from '../db/database';

export const bureauName = (region: Region) =>
  region.level === 'province' ? `${region.name}人力资源和社会保障厅` : `${region.name}人力资源和社会保障局`;

export const PLATFORM_ORG_NAME = '平台运营中心';

/**
 * Loads the profile's regions and provisions one HR bureau per region, each under the bureau of its
 * parent region, plus the platform-operations org. Idempotent: a second run adds only what is missing.
 */
export const provisionProfile = async (db: Db, profile: Profile) => {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('region')
      .values(profile.regions)
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name'), fullName: (eb) => eb.ref('excluded.fullName') }))
      .execute();
    const existing = await tx.selectFrom('org').select(['id', 'regionCode', 'path']).where('kind', '=', 'hrBureau').execute();
    const byRegion = new Map(existing.map((o) => [o.regionCode, o]));
    for (const region of profile.regions) {
      if (byRegion.has(region.code)) continue;
      const parent = region.parentCode ? byRegion.get(region.parentCode) : undefined;
      const row = await tx
        .insertInto('org')
        .values({
          kind: 'hrBureau',
          name: bureauName(region),
          regionCode: region.code,
          bureauLevel: region.level,
          superiorId: parent?.id ?? null,
          path: '',
          status: 'active',
          orgLevel: region.level,
        })
        .returning(['id', 'regionCode'])
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${row.id}/`;
      await tx.updateTable('org').set({ path }).where('id', '=', row.id).execute();
      byRegion.set(region.code, { id: row.id, regionCode: region.code, path });
    }
    const platform = await tx.selectFrom('org').select('id').where('kind', '=', 'platform').executeTakeFirst();
    if (!platform) {
      const province = profile.regions[0]!;
      const row = await tx
        .insertInto('org')
        .values({ kind: 'platform', name: PLATFORM_ORG_NAME, regionCode: province.code, path: '', status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('org').set({ path: sql`'/' || id || '/'` }).where('id', '=', row.id).execute();
    }
  });
};
