import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TitleLevelCode } from '@cep/contracts';
import { loadProfile } from './load-profile';
import { learningFormByCode } from './profile-rules';
import {
  annualPass,
  yearCompletion,
  claimCityRefusal,
  dailyLimitRefusal,
  dailyLoadRefusal,
  daysBetween,
  monthsBetween,
  quoteHours,
  type ClaimFields,
} from './hours';

const henan = loadProfile('henan');
const shandong = loadProfile('shandong');

const quote = (code: string, fields: ClaimFields) => quoteHours(learningFormByCode(henan, code)!, fields);
const hoursOf = (code: string, fields: ClaimFields) => {
  const q = quote(code, fields);
  return q.ok && 'hours' in q ? q.hours : q;
};

describe('the conversion standards of seed 002 (继续教育学时折算标准)', () => {
  it('（四）学术会议: 6 a day national, 4 provincial, a paper adds the same again, with the working shown', () => {
    expect(quote('academicConference', { meetingLevel: 'national', days: 3, presentedPaper: 'yes' })).toEqual({
      ok: true,
      hours: 24,
      explanation: '学术会议：国家部委举办 3天 × 6 + 宣读、报告论文 6 = 24学时',
    });
    expect(hoursOf('academicConference', { meetingLevel: 'national', days: 3, presentedPaper: 'no' })).toBe(18);
    expect(hoursOf('academicConference', { meetingLevel: 'provincial', days: 2, presentedPaper: 'yes' })).toBe(12);
    expect(hoursOf('academicConference', { meetingLevel: 'provincial', days: '5', presentedPaper: 'no' })).toBe(20);
  });

  it('（三）学历、学位教育 15 a course; 课程进修 10 a month, and 6 months or more the year’s whole specialized requirement', () => {
    expect(hoursOf('degreeCourse', { passedCourses: 4 })).toBe(60);
    expect(hoursOf('courseStudy', { months: 5 })).toBe(50);
    expect(quote('courseStudy', { months: 7 })).toMatchObject({ ok: true, fullYear: ['specialized'] });
    expect(quote('courseStudy', { months: 6 })).toMatchObject({ ok: true, fullYear: ['specialized'] });
  });

  it.each([
    ['national', 'main', [68, 60, 52, 44, 36]],
    ['national', 'sub', [52, 44, 36]],
    ['provincial', 'main', [60, 52, 44]],
    ['provincial', 'sub', [44, 36, 28]],
  ] as const)('（五）课题研究 %s %s: %j by rank, and nothing past the table', (projectLevel, projectRole, table) => {
    expect(table.map((_, i) => hoursOf('research', { projectLevel, projectRole, rank: i + 1 }))).toEqual([...table]);
    const past = quote('research', { projectLevel, projectRole, rank: table.length + 1 });
    expect(past).toEqual({ ok: false, message: expect.stringContaining(`按职责排序前${table.length}名可计算学时，第${table.length + 1}名不能申报`) });
  });

  it('（六）著作 16/12/8 per 10,000 characters; papers by journal level and rank; the 4th author gets nothing', () => {
    expect(quote('book', { tenThousandChars: 2.5, rank: 1 })).toMatchObject({
      ok: true,
      hours: 40,
      explanation: '出版著作（译作）：第1名 2.5万字 × 16 = 40学时',
    });
    expect(hoursOf('book', { tenThousandChars: 3, rank: 3 })).toBe(24);
    expect(quote('book', { tenThousandChars: 3, rank: 4 })).toMatchObject({ ok: false });
    const papers = { national: [52, 44, 36], provincialCore: [44, 36, 28], issnCn: [36, 28, 20] };
    for (const [journalLevel, table] of Object.entries(papers)) {
      expect(table.map((_, i) => hoursOf('paper', { journalLevel, rank: i + 1 }))).toEqual(table);
      expect(quote('paper', { journalLevel, rank: 4 })).toMatchObject({ ok: false, message: expect.stringContaining('前3名') });
    }
  });

  it('（七）（八）patents 68 / 60 / 60 and awards 68 / 60 for the first three named; （九）exams 68 / 60 / 52 / 68; （十）a report 20', () => {
    expect([1, 2, 3].map((rank) => hoursOf('patent', { patentType: 'invention', rank }))).toEqual([68, 68, 68]);
    expect(hoursOf('patent', { patentType: 'utilityModel', rank: 2 })).toBe(60);
    expect(hoursOf('patent', { patentType: 'design', rank: 3 })).toBe(60);
    expect(quote('patent', { patentType: 'invention', rank: 4 })).toMatchObject({ ok: false });
    expect(hoursOf('award', { awardLevel: 'national', rank: 1 })).toBe(68);
    expect(hoursOf('award', { awardLevel: 'provincial', rank: 3 })).toBe(60);
    expect(['senior', 'intermediate', 'junior', 'practice'].map((examType) => hoursOf('exam', { examType }))).toEqual([68, 60, 52, 68]);
    expect(quote('researchReport', {})).toEqual({ ok: true, hours: 20, explanation: '专题调研报告获批示：20学时' });
  });

  it('（十一）援藏援疆… a full year counts the year’s whole public and specialized requirement; less than a year is refused', () => {
    const year = { programType: 'tibet', startDate: '2025-03-01', endDate: '2026-02-28' };
    expect(quote('aidProgram', year)).toMatchObject({ ok: true, fullYear: ['public', 'specialized'] });
    expect(quote('aidProgram', { ...year, endDate: '2026-01-31' })).toEqual({
      ok: false,
      message: '援藏援疆援外及基层服务满12个月方可计算完成年度全部公需和专业科目的学时；所填时间为11个月',
    });
  });

  it('（十二）服务基层 6 a day; declared forms take the hours the organizer set, and need them', () => {
    expect(hoursOf('grassrootsService', { days: 4 })).toBe(24);
    expect(quote('providerTraining', { hours: 16 })).toMatchObject({ ok: true, hours: 16, explanation: expect.stringContaining('基地审批部门') });
    expect(quote('training', { organizerLevel: 'national', hours: 12 })).toMatchObject({ ok: true, hours: 12 });
    expect(quote('other', {})).toEqual({ ok: false, message: '请填写申请学时' });
  });

  it('refuses what the fields do not say or say wrongly, in Chinese', () => {
    expect(quote('academicConference', { days: 3, presentedPaper: 'yes' })).toEqual({ ok: false, message: '请选择会议级别' });
    expect(quote('academicConference', { meetingLevel: 'world', days: 3, presentedPaper: 'yes' })).toEqual({
      ok: false,
      message: '会议级别的选项无效',
    });
    expect(quote('academicConference', { meetingLevel: 'national', days: 0, presentedPaper: 'no' })).toEqual({
      ok: false,
      message: '参会天数应为大于0的数字',
    });
    expect(quote('academicConference', { meetingLevel: 'national', days: 1.5, presentedPaper: 'no' })).toEqual({
      ok: false,
      message: '参会天数应为整数',
    });
    expect(quote('research', { projectLevel: 'national', projectRole: 'main' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('请填写'),
    });
  });

  it('keeps one claim one activity: units within the form’s bound and the claimed dates; hours to one decimal', () => {
    expect(quote('book', { tenThousandChars: 201, rank: 1 })).toEqual({ ok: false, message: '字数不能超过200万字' });
    expect(
      quote('academicConference', { meetingLevel: 'national', days: 4, presentedPaper: 'no', startDate: '2026-02-10', endDate: '2026-02-12' }),
    ).toEqual({
      ok: false,
      message: '参会天数不能多于开始时间至结束时间的天数（3天）',
    });
    expect(quote('courseStudy', { months: 6, startDate: '2026-02-01', endDate: '2026-02-01' })).toMatchObject({ ok: false });
    expect(quote('courseStudy', { months: 6, startDate: '2026-01-01', endDate: '2026-06-30' })).toMatchObject({
      ok: true,
      fullYear: ['specialized'],
    });
    expect(quote('book', { tenThousandChars: 2.55, rank: 1 })).toMatchObject({ ok: true, hours: 40.8 });
    expect(quote('onlineLearning', { hours: 7.25 })).toEqual({ ok: false, message: '申请学时最多保留一位小数' });
  });

  it('refuses hours over a form’s cap (学时已达上限) when the profile sets one', () => {
    const form = { ...learningFormByCode(henan, 'onlineLearning')!, maxHoursPerClaim: 30 };
    expect(quoteHours(form, { hours: 30 })).toMatchObject({ ok: true, hours: 30 });
    expect(quoteHours(form, { hours: 31 })).toEqual({ ok: false, message: '学时已达上限：网络学习每次最多申报30学时' });
  });

  it('keeps every form’s standard text and marks which forms are time spent (the daily limit)', () => {
    for (const form of henan.learningForms.forms) expect(form.standard.length).toBeGreaterThan(10);
    const untimed = henan.learningForms.forms.filter((f) => !f.dailyLimit).map((f) => f.code);
    expect(untimed.sort()).toEqual(['aidProgram', 'award', 'book', 'exam', 'paper', 'patent', 'research', 'researchReport']);
  });
});

describe('每天申报不超8学时', () => {
  it('allows 8 hours a day over the claimed dates, both counted, and refuses more with the seed’s advice', () => {
    expect(daysBetween('2025-05-10', '2025-05-11')).toBe(2);
    expect(dailyLimitRefusal(shandong, { startDate: '2025-05-10', endDate: '2025-05-11', hours: 16 })).toBeNull();
    expect(dailyLimitRefusal(shandong, { startDate: '2025-05-10', endDate: '2025-05-11', hours: 20 })).toBe(
      '每天申报不超8学时：2025-05-10至2025-05-11共2天，最多可申报16学时。如果实际学习超过每天8学时，可适当延长开始或者结束时间。',
    );
    expect(dailyLimitRefusal(henan, { startDate: '2025-05-11', endDate: '2025-05-10', hours: 1 })).toContain('结束时间不早于开始时间');
    expect(dailyLimitRefusal(henan, { startDate: '2025-02-30', endDate: '2025-03-01', hours: 1 })).toContain('有效日期');
  });

  it('adds up the person’s claims covering the same day, each spread evenly over its own days', () => {
    const course = { startDate: '2025-05-10', endDate: '2025-05-11', hours: 8, title: '短期培训' }; // 4 a day
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-11', endDate: '2025-05-11', hours: 4 }, [course])).toBeNull();
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-11', endDate: '2025-05-12', hours: 8 }, [course])).toBeNull();
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-11', endDate: '2025-05-11', hours: 5 }, [course])).toBe(
      '每天申报不超8学时：2025-05-11已申报4学时（“短期培训”），本次申报每天5学时，合计超过8学时。如果实际学习超过每天8学时，可适当延长开始或者结束时间。',
    );
    const twoMore = [course, { startDate: '2025-05-09', endDate: '2025-05-11', hours: 6, title: '学术会议' }]; // 4 + 2 on 05-10
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-08', endDate: '2025-05-10', hours: 9 }, twoMore)).toContain(
      '2025-05-10已申报6学时（“短期培训”、“学术会议”），本次申报每天3学时',
    );
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-12', endDate: '2025-05-12', hours: 8 }, twoMore), 'other days are free').toBeNull();
    expect(dailyLoadRefusal(henan, { startDate: '2025-05-10', endDate: '2025-05-12', hours: 24 }, []), 'alone: the plain 8-hour day').toBeNull();
  });

  it('counts whole months for a year-long activity', () => {
    expect(monthsBetween('2025-01-01', '2025-12-31')).toBe(12);
    expect(monthsBetween('2025-01-15', '2026-01-13')).toBe(11);
    expect(monthsBetween('2025-01-15', '2026-01-14')).toBe(12);
  });
});

describe('支持地市 (seed 001)', () => {
  it('lets 济南/枣庄/烟台/潍坊/泰安/临沂/青岛/省直 claim in Shandong and sends 德州 to its city’s platform', () => {
    expect(claimCityRefusal(shandong, '370102')).toBeNull();
    expect(claimCityRefusal(shandong, '370000')).toBeNull();
    expect(claimCityRefusal(shandong, '371400')).toBe(
      '济南/枣庄/烟台/潍坊/泰安/临沂/青岛/省直可以在本平台进行学时申报；德州市的专业技术人员无法在本平台进行学时申报，建议前往地市相关平台进行操作。',
    );
    expect(claimCityRefusal(shandong, '371402')).toContain('德州市的专业技术人员');
    expect(claimCityRefusal(henan, '410102')).toBeNull();
  });
});

describe('annual pass standards (seed 002 各年度合格学时标准; Shandong 90 = 30 + 60)', () => {
  it.each<[string, number, TitleLevelCode, string, number, number, boolean, [number, number, number]]>([
    ['henan', 2013, 'junior', '410202', 22, 52, true, [74, 22, 52]],
    ['henan', 2014, 'junior', '410202', 21, 60, false, [74, 22, 52]],
    ['henan', 2015, 'senior', '410102', 26, 60, true, [86, 26, 60]],
    ['henan', 2015, 'intermediate', '410102', 30, 55, false, [86, 26, 60]],
    ['henan', 2016, 'senior', '410200', 24, 66, true, [90, 24, 66]],
    ['henan', 2016, 'senior', '410102', 24, 66, false, [90, 30, 60]],
    ['henan', 2017, 'junior', '410100', 30, 60, true, [90, 30, 60]],
    ['henan', 2018, 'junior', '410202', 30, 60, true, [90, 30, 60]],
    ['henan', 2026, 'senior', '410202', 29, 70, false, [90, 30, 60]],
    ['shandong', 2025, 'junior', '370202', 30, 60, true, [90, 30, 60]],
    ['shandong', 2025, 'senior', '370202', 40, 49, false, [90, 30, 60]],
  ])('%s %i %s %s: public %i specialized %i -> %s', (name, year, titleLevel, regionCode, pub, spec, pass, [total, p, s]) => {
    const profile = name === 'henan' ? henan : shandong;
    expect(annualPass(profile, { year, titleLevel, regionCode, public: pub, specialized: spec })).toMatchObject({
      pass,
      required: { total, public: p, specialized: s },
    });
  });

  it('has no standard before the profile’s first year', () => {
    expect(annualPass(henan, { year: 2012, titleLevel: 'senior', regionCode: '410102', public: 90, specialized: 90 })).toBeNull();
  });
});

describe('docs/hours.md', () => {
  it('names every learning form code and each of its field keys, so the checker’s users can write claims', () => {
    const doc = readFileSync(new URL('../../docs/hours.md', import.meta.url), 'utf8');
    const missing = henan.learningForms.forms.flatMap((form) => [
      ...(doc.includes(`| \`${form.code}\` |`) ? [] : [form.code]),
      ...form.fields.filter((f) => !doc.includes(`\`${f.key}\``)).map((f) => `${form.code}.${f.key}`),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('年度完成情况: the result of a year and exactly what is missing', () => {
  const totals = (pub: number, spec: number, marks: Partial<{ publicFullYear: boolean; specializedFullYear: boolean }> = {}) => ({
    public: pub,
    specialized: spec,
    publicFullYear: false,
    specializedFullYear: false,
    ...marks,
  });
  const year = (y: number, t: ReturnType<typeof totals>, more: { regionCode?: string; monthsInPost?: number | null; currentYear?: number } = {}) =>
    yearCompletion(henan, {
      year: y,
      currentYear: more.currentYear ?? 2026,
      titleLevel: 'intermediate',
      regionCode: more.regionCode ?? '410302',
      totals: t,
      monthsInPost: more.monthsInPost,
    });

  it('passes a year that meets each category and the total, and names each category short', () => {
    expect(year(2018, totals(30, 60))).toMatchObject({ result: 'passed', missing: null, required: { total: 90, public: 30, specialized: 60 } });
    expect(year(2019, totals(24, 48))).toMatchObject({ result: 'failed', missing: '公需科目还差 6 学时；专业科目还差 12 学时' });
    expect(year(2026, totals(24, 48)), 'this year is not over: 进行中').toMatchObject({
      result: 'inProgress',
      missing: '公需科目还差 6 学时；专业科目还差 12 学时',
    });
  });

  it('takes each year’s standard: 2016-2017 outside 郑州 24 + 66, in 郑州 30 + 60, 2013-2015 by level', () => {
    expect(year(2016, totals(24, 60))).toMatchObject({ result: 'failed', missing: '专业科目还差 6 学时', required: { public: 24, specialized: 66 } });
    expect(year(2016, totals(30, 66))).toMatchObject({ result: 'passed' });
    expect(year(2016, totals(30, 60), { regionCode: '410102' }), '郑州: 30 + 60').toMatchObject({
      result: 'passed',
      required: { public: 30, specialized: 60 },
    });
    expect(year(2014, totals(30, 55))).toMatchObject({ result: 'failed', missing: '专业科目还差 5 学时' });
  });

  it('counts a whole-year mark as the category met (课程进修满6个月; 援藏援疆满一年 both)', () => {
    expect(year(2020, totals(30, 0, { specializedFullYear: true }))).toMatchObject({
      result: 'passed',
      counted: { public: 30, specialized: 60, total: 90 },
    });
    expect(year(2020, totals(0, 0, { publicFullYear: true, specializedFullYear: true }))).toMatchObject({ result: 'passed', counted: { total: 90 } });
    expect(year(2020, totals(10, 0, { specializedFullYear: true }))).toMatchObject({ result: 'failed', missing: '公需科目还差 20 学时' });
  });

  it('prorates the requirement to the months in post (境外、病假超过6个月、生育), up to the next half hour', () => {
    expect(year(2021, totals(15, 30), { monthsInPost: 6 })).toMatchObject({
      result: 'passed',
      required: { total: 45, public: 15, specialized: 30 },
      monthsInPost: 6,
    });
    expect(year(2021, totals(15, 30), { monthsInPost: 7 })).toMatchObject({
      result: 'failed',
      required: { total: 52.5, public: 17.5, specialized: 35 },
      missing: '公需科目还差 2.5 学时；专业科目还差 5 学时',
    });
    expect(year(2021, totals(0, 0), { monthsInPost: 0 })).toMatchObject({ result: 'passed', required: { total: 0 } });
  });

  it('asks for the total beyond the categories’ minimums when a standard’s total is larger than they are', () => {
    const wider = {
      ...henan,
      passStandards: [{ fromYear: 2030, toYear: null, titleLevels: null, regionCodes: null, total: 100, public: 30, specialized: 60, note: '' }],
    };
    const input = { year: 2030, currentYear: 2031, titleLevel: 'senior' as const, regionCode: '410302' };
    expect(yearCompletion(wider, { ...input, totals: totals(30, 55) })).toMatchObject({
      missing: '专业科目还差 5 学时；总学时还差 10 学时（任一科目均可）',
    });
    expect(yearCompletion(wider, { ...input, totals: totals(40, 60) })).toMatchObject({ result: 'passed' });
  });

  it('has nothing to say of a year without a standard', () => {
    expect(year(2012, totals(90, 90))).toBeNull();
  });
});
