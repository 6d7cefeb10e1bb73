import type { Region } from '@cep/profiles';
import type { DbOrTx } from '../../platform/db/database';

/** The name of the setting that records which province a database was provisioned for. */
export const PROFILE_SETTING_KEY = 'profile';

/** Adds the profile's regions, renaming any whose name changed. */
export const upsertRegions = async (db: DbOrTx, regions: readonly Region[]) => {
  await db
    .insertInto('region')
    .values([...regions])
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name'), fullName: (eb) => eb.ref('excluded.fullName') }))
    .execute();
};

export const findBureaus = (db: DbOrTx) => db.selectFrom('org').select(['id', 'regionCode', 'path']).where('kind', '=', 'hrBureau').execute();

export const findPlatformOrg = (db: DbOrTx) => db.selectFrom('org').select('id').where('kind', '=', 'platform').executeTakeFirst();

export const findPlaceholderEmployer = (db: DbOrTx, employer: { name: string; regionCode: string }) =>
  db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'employer')
    .where('isPlaceholder', '=', true)
    .where('name', '=', employer.name)
    .where('regionCode', '=', employer.regionCode)
    .executeTakeFirst();

export const findProfileSetting = async (db: DbOrTx) =>
  (await db.selectFrom('platformSetting').select('value').where('key', '=', PROFILE_SETTING_KEY).executeTakeFirst())?.value ?? null;

export const findProvinceCode = async (db: DbOrTx) =>
  (await db.selectFrom('region').select('code').where('level', '=', 'province').executeTakeFirst())?.code ?? null;

export const recordProfileSetting = async (db: DbOrTx, profileName: string) => {
  await db.insertInto('platformSetting').values({ key: PROFILE_SETTING_KEY, value: profileName }).execute();
};
