import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context';
import { demoIdNumber } from './demo-ids';
import { importWorkbook, runImport, startImport, type ImportRowInput } from '../modules/people';
import { chinaDay } from '../platform/clock';
import { applyForTransfer, markEmployment } from '../modules/people';
import { DEMO_ORIGIN, professionalActor, superAdminActor } from './demo-actor';

const MARKER = 'demo_people_loaded';

/** The active professionals of an org, oldest first. */
const professionalsOf = (ctx: AppContext, orgName: string) =>
  ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['p.id as personId', 'p.idNumber', 'a.orgId'])
    .where('o.name', '=', orgName)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .orderBy('a.createdAt')
    .orderBy('p.idNumber')
    .execute();

/** 批量导入: the hospital has imported its 12 new nurses; 2 rows came back with reasons (下载失败数据). */
const importNurses = async (ctx: AppContext, hospitalId: string) => {
  const surnames = '王李张刘陈杨赵黄周吴徐孙';
  const rows: ImportRowInput[] = [...surnames].map((surname, i) => ({
    name: `${surname}护士${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`,
    idNumber: demoIdNumber('410102', `199${i % 10}-0${1 + (i % 9)}-1${i % 10}`, 880 + i),
    phone: `1370000${String(1000 + i)}`,
    ethnicity: '汉族',
    education: '大学本科',
    major: '护理学',
    titleSeries: '卫生技术',
    titleLevel: '初级',
    titleObtainedOn: '2023-07-01',
  }));
  rows[4]!.phone = '1370000';
  rows[9]!.titleObtainedOn = '';
  const admin = await superAdminActor(ctx, hospitalId);
  const bytes = await importWorkbook(rows);
  const started = await startImport(ctx, admin, DEMO_ORIGIN, {
    employerId: hospitalId,
    openUpload: async () => ({ filename: '新入职护士.xlsx', stream: Readable.from([bytes]) }),
  });
  await runImport(ctx, { importId: started.id }, new AbortController().signal);
};

/**
 * Once per database: a colleague of the demo professional has asked to move to the city's 第一中学 (waiting for the
 * hospital to let them go, in 人员调转), the school has one teacher marked 离职 (专技人员信息查询), and the hospital
 * has imported its new nurses (批量导入).
 */
export const ensurePeopleDemo = async (ctx: AppContext, professionalIdNumber: string | undefined) => {
  if (!professionalIdNumber) return;
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return;
  const { name: hospital } = await ctx.db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select('o.name')
    .where('p.idNumber', '=', professionalIdNumber)
    .where('a.kind', '=', 'professional')
    .executeTakeFirstOrThrow();
  const school = hospital.replace(/第一人民医院$/, '第一中学');
  const colleagues = (await professionalsOf(ctx, hospital)).filter((p) => p.idNumber !== professionalIdNumber);
  const teachers = await professionalsOf(ctx, school);
  const schoolId = teachers[0]?.orgId;
  const mover = colleagues.at(-1);
  if (mover && schoolId) {
    const actor = await professionalActor(ctx, mover.idNumber);
    await applyForTransfer(ctx, actor, { toEmployerId: schoolId, transferDate: chinaDay(ctx.clock.now()), reason: '工作调动' }, DEMO_ORIGIN);
  }
  const leaver = teachers.at(-1);
  if (leaver && schoolId) {
    const admin = await superAdminActor(ctx, schoolId);
    await markEmployment(ctx, admin, leaver.personId, { employment: 'left', since: `${chinaDay(ctx.clock.now()).slice(0, 4)}-01-31` }, DEMO_ORIGIN);
  }
  const hospitalId = colleagues[0]?.orgId;
  if (hospitalId) await importNurses(ctx, hospitalId);
  await ctx.db.insertInto('platformSetting').values({ key: MARKER, value: new Date().toISOString() }).execute();
};
