/**
 * Builds a large synthetic province in the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR, as `npm start` uses): N active employers over every county, M active professionals under them,
 * and P pending employer registrations waiting at the province bureau, written with multi-row inserts.
 *
 *   npx tsx bench/generate-province.ts --employers 2000 --professionals 100000 --pending 100000
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { birthDateOf, maskIdNumber } from '@cep/contracts';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/platform/bootstrap';
import { prepareServer } from '../server/src/app';
import type { Db } from '../server/src/platform/db/database';
import { hashPassword } from '../server/src/platform/auth/passwords';
import {
  batches,
  MAJORS,
  synthCreditCode,
  synthEmployer,
  synthIdNumber,
  synthName,
  TITLE_LEVELS,
  TITLE_SERIES,
  type Bureau,
  type EmployerRow,
} from './generate-province.data';

export type ProvinceSize = { employers: number; professionals: number; pending: number; batchSize?: number };
export const SYNTHETIC_PASSWORD = 'Bench@2026a';
const MARKER = 'synthetic_province';

const countyBureaus = async (db: Db): Promise<Bureau[]> =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.path', 'o.regionCode', 'g.name as regionName'])
    .where('o.kind', '=', 'hrBureau')
    .where('g.level', '=', 'county')
    .orderBy('o.regionCode')
    .execute();

const insertEmployers = async (db: Db, bureaus: Bureau[], total: number, size: number) => {
  const employers: EmployerRow[] = [];
  for (const [start, end] of batches(total, size)) {
    const rows = Array.from({ length: end - start }, (_, k) => synthEmployer(bureaus[(start + k) % bureaus.length]!, start + k));
    await db
      .insertInto('org')
      .values(
        rows.map((e) => ({ ...e, kind: 'employer' as const, status: 'active' as const, nature: 'institution', orgLevel: 'other', industry: 'Q' })),
      )
      .execute();
    employers.push(...rows);
  }
  return employers;
};

/** Active professionals: person, account and professional_profile rows, one transaction per batch. */
const insertProfessionals = async (db: Db, employers: EmployerRow[], total: number, size: number, passwordHash: string) => {
  for (const [start, end] of batches(total, size)) {
    const people = Array.from({ length: end - start }, (_, k) => {
      const i = start + k;
      const employer = employers[i % employers.length]!;
      const idNumber = synthIdNumber(employer.regionCode, '1960-01-01', i);
      return { personId: randomUUID(), accountId: randomUUID(), idNumber, employer, i };
    });
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('person')
        .values(
          people.map((p) => ({
            id: p.personId,
            idNumber: p.idNumber,
            name: synthName(p.i),
            phone: `139${String(p.i).padStart(8, '0')}`,
            passwordHash,
          })),
        )
        .execute();
      await tx
        .insertInto('account')
        .values(
          people.map((p) => ({
            id: p.accountId,
            personId: p.personId,
            kind: 'professional' as const,
            orgId: p.employer.id,
            status: 'active' as const,
          })),
        )
        .execute();
      const now = new Date();
      await tx
        .insertInto('professionalProfile')
        .values(
          people.map((p) => ({
            accountId: p.accountId,
            personId: p.personId,
            titleSeries: TITLE_SERIES[p.i % TITLE_SERIES.length]!,
            titleLevel: TITLE_LEVELS[p.i % TITLE_LEVELS.length]!,
            major: MAJORS[p.i % MAJORS.length]!,
            titleObtainedOn: `20${String(10 + (p.i % 15)).padStart(2, '0')}-09-01`,
            gender: Number(p.idNumber[16]) % 2 ? ('male' as const) : ('female' as const),
            birthDate: birthDateOf(p.idNumber)!,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute();
    });
  }
};

type PendingRow = {
  personId: string;
  accountId: string;
  orgId: string;
  requestId: string;
  idNumber: string;
  name: string;
  orgName: string;
  creditCode: string;
  at: Date;
};

const pendingRows = (province: Bureau, start: number, end: number): PendingRow[] =>
  Array.from({ length: end - start }, (_, k) => {
    const i = start + k;
    const idNumber = synthIdNumber(province.regionCode, '1955-01-01', i);
    return {
      personId: randomUUID(),
      accountId: randomUUID(),
      orgId: randomUUID(),
      requestId: randomUUID(),
      idNumber,
      name: synthName(i + 7),
      orgName: `${province.regionName}省直合成单位${i + 1}号`,
      creditCode: synthCreditCode('93', province.regionCode, i),
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    };
  });

/** One batch of pending 用人单位 registrations at the province bureau, shaped as the registration service writes them. */
const insertPendingBatch = async (db: Db, province: Bureau, rows: PendingRow[], passwordHash: string) =>
  db.transaction().execute(async (tx) => {
    await tx
      .insertInto('person')
      .values(rows.map((r) => ({ id: r.personId, idNumber: r.idNumber, name: r.name, phone: null, passwordHash })))
      .execute();
    await tx
      .insertInto('org')
      .values(
        rows.map((r) => ({
          id: r.orgId,
          kind: 'employer' as const,
          name: r.orgName,
          creditCode: r.creditCode,
          regionCode: province.regionCode,
          superiorId: province.id,
          path: `${province.path}${r.orgId}/`,
          status: 'pending' as const,
          nature: 'institution',
          orgLevel: 'other',
          industry: 'Q',
        })),
      )
      .execute();
    await tx
      .insertInto('account')
      .values(
        rows.map((r) => ({
          id: r.accountId,
          personId: r.personId,
          kind: 'admin' as const,
          orgId: r.orgId,
          isSuperAdmin: true,
          status: 'pending' as const,
        })),
      )
      .execute();
    await tx
      .insertInto('request')
      .values(
        rows.map((r) => ({
          id: r.requestId,
          kind: 'registration.employer',
          status: 'pending' as const,
          applicantPersonId: r.personId,
          applicantAccountId: null,
          subjectOrgId: r.orgId,
          scopePath: `${province.path}${r.orgId}/`,
          creditYear: null,
          title: r.orgName,
          searchText: `${r.orgName} ${r.creditCode} ${r.name}`,
          payload: JSON.stringify({
            role: 'employer',
            personId: r.personId,
            accountId: r.accountId,
            orgId: r.orgId,
            subjectOrgId: r.orgId,
            superiorId: province.id,
            title: r.orgName,
            searchText: `${r.orgName} ${r.creditCode}`,
            fields: [
              { label: '单位名称', value: r.orgName },
              { label: '管理员身份证号', value: maskIdNumber(r.idNumber) },
            ],
          }),
          currentStep: 1,
          stepCount: 1,
          currentReviewerOrgId: province.id,
          currentPermission: 'reviews.employers',
          idempotencyKey: null,
          payloadHash: null,
          createdAt: r.at,
          updatedAt: r.at,
          decidedAt: null,
        })),
      )
      .execute();
    await tx
      .insertInto('requestStep')
      .values(
        rows.map((r) => ({
          requestId: r.requestId,
          stepNo: 1,
          reviewerOrgId: province.id,
          permission: 'reviews.employers',
          status: 'pending' as const,
          requestCreatedAt: r.at,
        })),
      )
      .execute();
  });

const provinceBureau = async (db: Db): Promise<Bureau> =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.path', 'o.regionCode', 'g.name as regionName'])
    .where('o.kind', '=', 'hrBureau')
    .where('g.level', '=', 'province')
    .executeTakeFirstOrThrow();

/** Writes the synthetic province into a migrated, provisioned database; returns seconds per part. Once per database. */
export const generateProvince = async (db: Db, size: ProvinceSize, passwordHash?: string) => {
  const batchSize = size.batchSize ?? 1000;
  if (await db.selectFrom('platformSetting').select('key').where('key', '=', MARKER).executeTakeFirst()) {
    throw new Error('该数据库已生成过合成省份数据，请使用新的数据库');
  }
  const hash = passwordHash ?? (await hashPassword(SYNTHETIC_PASSWORD));
  const timings: Record<string, number> = {};
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    timings[label] = (performance.now() - start) / 1000;
  };
  const bureaus = await countyBureaus(db);
  let employers: EmployerRow[] = [];
  await timed('employers', async () => (employers = await insertEmployers(db, bureaus, size.employers, batchSize)));
  await timed('professionals', () => insertProfessionals(db, employers, size.professionals, batchSize, hash));
  const province = await provinceBureau(db);
  await timed('pending', async () => {
    for (const [start, end] of batches(size.pending, batchSize)) await insertPendingBatch(db, province, pendingRows(province, start, end), hash);
  });
  await timed('analyze', () => sql`analyze`.execute(db));
  await db
    .insertInto('platformSetting')
    .values({ key: MARKER, value: JSON.stringify({ ...size, at: new Date().toISOString() }) })
    .execute();
  return { counties: bureaus.length, timings };
};

const argOf = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = { employers: argOf('employers', 2000), professionals: argOf('professionals', 100_000), pending: argOf('pending', 100_000) };
  const config = loadConfig();
  const { db, cluster, migrate } = await openDatabase(config);
  try {
    await migrate();
    await prepareServer(config, db);
    const { counties, timings } = await generateProvince(db, size);
    console.log(
      `合成省份: ${size.employers} 家用人单位 (${counties} 个区县), ${size.professionals} 名专技人员, ${size.pending} 条待审核注册 (省人社厅), 密码 ${SYNTHETIC_PASSWORD}`,
    );
    console.log(
      Object.entries(timings)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', '),
    );
  } finally {
    await db.destroy();
    await cluster?.stop();
  }
}
