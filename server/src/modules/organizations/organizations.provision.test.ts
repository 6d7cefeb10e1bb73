import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadProfile } from '@cep/profiles';
import { createTestContext, type TestContext } from '../../test/test-context';
import { databaseUrl } from '../../test/database-url';
import { createDb, migrateToLatest, type Db } from '../../platform/db/database';
import { provisionProfile } from './organizations.provision';

const adminQuery = async (text: string) => {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

const countOrgs = async (db: Db) =>
  (
    await db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

let t: TestContext;
let shandongDb: Db;
const shandongName = `cep_t_${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  t = await createTestContext();
  await adminQuery(`create database "${shandongName}"`);
  shandongDb = createDb(databaseUrl(inject('pgAdminUrl'), shandongName), 2);
  await migrateToLatest(shandongDb);
  await provisionProfile(shandongDb, loadProfile('shandong'));
});
afterAll(async () => {
  await shandongDb.destroy();
  await adminQuery(`drop database if exists "${shandongName}" with (force)`);
  await t.close();
});

describe('provisionProfile', () => {
  it('records the province the database serves', async () => {
    const setting = await t.db.selectFrom('platformSetting').select('value').where('key', '=', 'profile').executeTakeFirst();
    expect(setting?.value).toBe('henan');
  });

  it('adds nothing on a second run', async () => {
    const before = await countOrgs(t.db);
    await provisionProfile(t.db, loadProfile('henan'));
    expect(await countOrgs(t.db)).toBe(before);
  });

  it('provisions a bureau for each of Shandong’s regions, 16 of them cities', async () => {
    const cities = await shandongDb.selectFrom('org').select('name').where('kind', '=', 'hrBureau').where('bureauLevel', '=', 'city').execute();
    expect(cities).toHaveLength(16);
    expect(cities.map((c) => c.name)).toContain('青岛市人力资源和社会保障局');
  });

  it('makes 青岛市临时单位 an active placeholder employer under the Qingdao bureau, once', async () => {
    await provisionProfile(shandongDb, loadProfile('shandong'));
    const bureau = await shandongDb
      .selectFrom('org')
      .selectAll()
      .where('kind', '=', 'hrBureau')
      .where('regionCode', '=', '370200')
      .executeTakeFirstOrThrow();
    const placeholders = await shandongDb.selectFrom('org').selectAll().where('isPlaceholder', '=', true).execute();
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0]).toMatchObject({
      kind: 'employer',
      name: '青岛市临时单位',
      regionCode: '370200',
      status: 'active',
      superiorId: bureau.id,
    });
    expect(placeholders[0]!.path).toBe(`${bureau.path}${placeholders[0]!.id}/`);
  });

  it('gives Henan no placeholder employer', async () => {
    const placeholders = await t.db.selectFrom('org').select('id').where('isPlaceholder', '=', true).execute();
    expect(placeholders).toHaveLength(0);
  });

  it('refuses to start a Henan database with the Shandong profile, and changes nothing', async () => {
    const before = await countOrgs(t.db);
    await expect(provisionProfile(t.db, loadProfile('shandong'))).rejects.toThrow(
      /数据库已按河南省（PROFILE=henan）的省份配置初始化，不能以山东省（PROFILE=shandong）启动/,
    );
    expect(await countOrgs(t.db)).toBe(before);
    const shandongRegions = await t.db.selectFrom('region').select('code').where('code', 'like', '37%').execute();
    expect(shandongRegions).toHaveLength(0);
  });

  it('refuses a database provisioned before the setting existed, by the province in its regions', async () => {
    await shandongDb.deleteFrom('platformSetting').where('key', '=', 'profile').execute();
    await expect(provisionProfile(shandongDb, loadProfile('henan'))).rejects.toThrow(
      /数据库已按山东省（PROFILE=shandong）的省份配置初始化，不能以河南省（PROFILE=henan）启动/,
    );
    await provisionProfile(shandongDb, loadProfile('shandong'));
    const setting = await shandongDb.selectFrom('platformSetting').select('value').where('key', '=', 'profile').executeTakeFirst();
    expect(setting?.value).toBe('shandong');
  });
});
