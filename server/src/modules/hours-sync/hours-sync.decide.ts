import { createHash } from 'node:crypto';
import { isValidIdNumber, learningCategoryLabels, type LearningCategory, type Profile, type SyncItem, type SyncResult } from '@cep/contracts';
import { daysBetween, titleSeriesByCode, type DailyLoad } from '@cep/profiles';

/** A professional a batch names, as the checks need them. */
export type SyncPerson = { personId: string; idNumber: string; name: string; titleSeries: string };
/** The source's current record of a record id (a resend or a correction of it). */
export type CurrentSyncRecord = { id: string; externalId: string; personId: string; contentHash: string; hoursRecordId: string | null };
/** A current synced record already counted on a person's day (any source). */
export type SyncDayLoad = { id: string; personId: string; day: string; hours: number; course: string };

export type SyncSourceGrant = { categories: LearningCategory[]; fromYear: number; toYear: number };

export type SyncDecision =
  /**
   * `message` goes back to the source; `detail`, when given, is what the province's status page keeps instead: a
   * source learns that a person's series or day does not fit, not what their series is or what else they did that day.
   */
  | { item: SyncItem; result: Exclude<SyncResult, 'accepted' | 'corrected'>; message: string | null; detail?: string }
  | { item: SyncItem; result: 'accepted' | 'corrected'; message: null; person: SyncPerson; contentHash: string; replaces: CurrentSyncRecord | null };

/** What a record says: a resend with the same hash changes nothing; a different one corrects the record. */
export const contentHashOf = (item: SyncItem) =>
  createHash('sha256')
    .update(JSON.stringify([item.idNumber, item.name, item.course, item.category, item.hours, item.completedOn, item.seriesCode ?? null]))
    .digest('hex');

const groupBy = <T>(rows: T[], keyOf: (row: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

const format = (n: number) => String(Math.round(n * 100) / 100);

type Facts = {
  profile: Profile;
  source: SyncSourceGrant;
  /** Today in China: a completion cannot be later. */
  today: string;
  people: Map<string, SyncPerson>;
  current: Map<string, CurrentSyncRecord>;
  syncLoads: SyncDayLoad[];
  claimLoads: (DailyLoad & { personId: string })[];
};

/**
 * The result of each item of a batch, in order, from what the database holds (read under the source's and the
 * people's locks): pure, so that every refusal can be reasoned about apart from the writing.
 */
export const decideSyncItems = (items: SyncItem[], facts: Facts): SyncDecision[] => {
  const { profile, source } = facts;
  const limit = profile.dailyHourLimit;
  const seen = new Set<string>();
  const replaced = new Set<string>();
  const acceptedOnDay = new Map<string, number>();
  const dayKey = (personId: string, day: string) => `${personId}:${day}`;

  const syncLoads = groupBy(facts.syncLoads, (l) => dayKey(l.personId, l.day));
  const claimLoads = groupBy(facts.claimLoads, (l) => l.personId);

  const takenOn = (personId: string, day: string) => {
    const synced = (syncLoads.get(dayKey(personId, day)) ?? []).filter((l) => !replaced.has(l.id)).reduce((n, l) => n + l.hours, 0);
    const claimed = (claimLoads.get(personId) ?? [])
      .filter((l) => l.startDate <= day && l.endDate >= day)
      .reduce((n, l) => n + l.hours / (daysBetween(l.startDate, l.endDate) ?? 1), 0);
    return synced + claimed + (acceptedOnDay.get(dayKey(personId, day)) ?? 0);
  };

  const refuse = (item: SyncItem, result: Exclude<SyncResult, 'accepted' | 'corrected'>, message: string | null, detail?: string): SyncDecision => ({
    item,
    result,
    message,
    ...(detail ? { detail } : {}),
  });

  return items.map((item): SyncDecision => {
    if (seen.has(item.recordId)) return refuse(item, 'invalid', '同一批次中记录编号（recordId）重复');
    seen.add(item.recordId);
    const contentHash = contentHashOf(item);
    const current = facts.current.get(item.recordId) ?? null;
    if (current?.contentHash === contentHash) return refuse(item, 'duplicate', null);

    if (!isValidIdNumber(item.idNumber)) return refuse(item, 'invalid', '身份证号格式不正确');
    if (daysBetween(item.completedOn, item.completedOn) === null) return refuse(item, 'invalid', '完成日期不是有效日期');
    if (item.completedOn > facts.today) return refuse(item, 'invalid', '完成日期不能晚于今天');
    const year = Number(item.completedOn.slice(0, 4));
    if (year < source.fromYear || year > source.toYear)
      return refuse(item, 'notAllowed', `该学习平台获准报送${source.fromYear}至${source.toYear}年度的学时，本条为${year}年度`);
    if (!source.categories.includes(item.category))
      return refuse(item, 'notAllowed', `该学习平台未获准报送${learningCategoryLabels[item.category]}学时`);

    const person = facts.people.get(item.idNumber);
    if (!person) return refuse(item, 'unknownPerson', '平台上没有该身份证号的专业技术人员（未注册，或注册尚未审核通过）');
    if (person.name !== item.name) return refuse(item, 'nameMismatch', '姓名与该身份证号在平台登记的姓名不一致');
    // A correction fixes a record of the same person; hours of someone else are a new record (a new recordId).
    if (current && current.personId !== person.personId) return refuse(item, 'invalid', '更正记录不能更换人员，请以新的记录编号（recordId）报送');

    if (profile.hoursSync.specialtyMustMatchSeries && item.category === 'specialized') {
      if (!item.seriesCode) return refuse(item, 'invalid', '专业科目须提供课程所属的职称系列（seriesCode）');
      const series = titleSeriesByCode(profile, item.seriesCode);
      if (!series) return refuse(item, 'invalid', `没有职称系列代码 ${item.seriesCode}`);
      if (item.seriesCode !== person.titleSeries) {
        const theirs = titleSeriesByCode(profile, person.titleSeries)?.name ?? person.titleSeries;
        return refuse(
          item,
          'specialtyMismatch',
          `课程所属职称系列“${series.name}”与该人员的职称系列不一致；人员修改职称系列并经单位审核通过后方可同步`,
          `课程所属职称系列“${series.name}”与该人员的职称系列“${theirs}”不一致；人员修改职称系列并经单位审核通过后方可同步`,
        );
      }
    }

    if (current) replaced.add(current.id);
    const taken = takenOn(person.personId, item.completedOn);
    if (taken + item.hours > limit + 1e-9) {
      if (current) replaced.delete(current.id);
      return refuse(
        item,
        'overDailyLimit',
        `每天学时不超${format(limit)}学时：${item.completedOn}该人员的学时加上本条${format(item.hours)}学时超过上限`,
        `每天学时不超${format(limit)}学时：${item.completedOn}该人员已有${format(taken)}学时（学时申报与对接记录），本条${format(item.hours)}学时，合计超过上限`,
      );
    }
    const key = dayKey(person.personId, item.completedOn);
    acceptedOnDay.set(key, (acceptedOnDay.get(key) ?? 0) + item.hours);
    return { item, result: current ? 'corrected' : 'accepted', message: null, person, contentHash, replaces: current };
  });
};
