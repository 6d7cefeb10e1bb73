import type { SyncItem } from '@cep/contracts';
import type { AppContext } from '../platform/context';
import { chinaDay } from '../platform/clock';
import { ingestBatch, registerSyncSource, sourceOfKey } from '../modules/hours-sync';
import { DEMO_ORIGIN, professionalActor, superAdminActor } from './demo-actor';
import { demoIdNumber } from './demo-ids';

const MARKER = 'demo_sync_loaded';
const DAY_MS = 86_400_000;

/**
 * Once per database: a learning platform registered by the province bureau that has sent the demo professional's
 * online public courses (and one item for nobody registered, refused), so 年度完成情况 shows synced records and
 * 学习平台对接 a source with its counts and a refusal. Its key is not kept: to try the API, register another source.
 */
export const ensureSyncDemo = async (ctx: AppContext, professionalIdNumber: string | undefined) => {
  if (!professionalIdNumber) return;
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return;
  const province = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'hrBureau')
    .where('bureauLevel', '=', 'province')
    .executeTakeFirstOrThrow();
  const admin = await superAdminActor(ctx, province.id);
  const person = await professionalActor(ctx, professionalIdNumber);
  const now = ctx.clock.now();
  const year = Number(chinaDay(now).slice(0, 4));
  const { apiKey } = await registerSyncSource(
    ctx,
    admin,
    { name: '专业技术人员网络学习平台（演示）', categories: ['public', 'specialized'], fromYear: year - 1, toYear: year },
    DEMO_ORIGIN,
  );
  const day = (back: number) => {
    const d = chinaDay(new Date(now.getTime() - back * DAY_MS));
    return d.slice(0, 4) === String(year) ? d : `${year}-01-0${Math.min(back, 9)}`;
  };
  const course = (recordId: string, course: string, hours: number, back: number): SyncItem => ({
    recordId,
    idNumber: person.personIdNumber,
    name: person.personName,
    course,
    category: 'public',
    hours,
    completedOn: day(back),
  });
  // Days no other demo record takes (claims and training use 9-42 and 15-20 days ago): the 8-hour day holds both ways.
  const items: SyncItem[] = [
    course('DEMO-0001', '公需科目：数字经济与创新驱动发展', 6, 6),
    course('DEMO-0002', '公需科目：专业技术人员职业道德与诚信建设', 6, 5),
    { ...course('DEMO-0003', '公需科目：人工智能与新质生产力', 4, 4), idNumber: demoIdNumber('410102', '1991-05-05', 901), name: '未注册学员' },
  ];
  await ingestBatch(ctx, await sourceOfKey(ctx, `Bearer ${apiKey}`), { items }, DEMO_ORIGIN);
  await ctx.db.insertInto('platformSetting').values({ key: MARKER, value: new Date().toISOString() }).execute();
};
