import { describe, expect, it } from 'vitest';
import type { TitleLevelCode } from '@cep/contracts';
import { loadProfile } from './load-profile';
import {
  claimableYears,
  claimCityCodes,
  cityCodeOf,
  isClaimCity,
  isClaimYearOpen,
  learningFormByCode,
  majorByCode,
  passStandardFor,
  titleLevelByCode,
  titleSeriesByCode,
} from './profile-rules';

const henan = loadProfile('henan');
const shandong = loadProfile('shandong');

describe('passStandardFor (Henan, seed 002 各年度合格学时标准)', () => {
  // 410102 中原区 (郑州), 410202 龙亭区 (开封), 410100 郑州市 itself, 419001 济源 (省直辖)
  it.each<[number, TitleLevelCode, string, [number, number, number] | null]>([
    [2012, 'junior', '410102', null],
    [2013, 'junior', '410202', [74, 22, 52]],
    [2015, 'none', '410102', [74, 22, 52]],
    [2014, 'intermediate', '410202', [86, 26, 60]],
    [2015, 'senior', '410102', [86, 26, 60]],
    [2016, 'junior', '410102', [90, 30, 60]],
    [2016, 'senior', '410100', [90, 30, 60]],
    [2016, 'junior', '410202', [90, 24, 66]],
    [2017, 'senior', '419001', [90, 24, 66]],
    [2017, 'intermediate', '410000', [90, 24, 66]],
    [2018, 'junior', '410202', [90, 30, 60]],
    [2018, 'senior', '410102', [90, 30, 60]],
    [2026, 'none', '419001', [90, 30, 60]],
  ])('%i %s in %s', (year, titleLevel, regionCode, expected) => {
    const standard = passStandardFor(henan, { year, titleLevel, regionCode });
    expect(standard && [standard.total, standard.public, standard.specialized]).toEqual(expected);
  });

  it('gives Shandong 90 = 30 + 60 in every region and level', () => {
    const standard = passStandardFor(shandong, { year: 2024, titleLevel: 'junior', regionCode: '370202' });
    expect(standard).toMatchObject({ total: 90, public: 30, specialized: 60 });
  });
});

describe('isClaimCity (seed 001 支持地市)', () => {
  it.each([
    ['370100', true], // 济南市
    ['370102', true], // 济南市历下区: a county counts with its city
    ['370202', true], // 青岛市市南区
    ['370402', true], // 枣庄市市中区: listed as supported (decision in docs/PROFILES.md)
    ['370000', true], // 省直
    ['371402', false], // 德州市德城区
    ['370800', false], // 济宁市
    ['370300', false], // 淄博市
    ['410102', false], // another province
    ['999999', false],
  ])('Shandong %s -> %s', (code, expected) => {
    expect(isClaimCity(shandong, code)).toBe(expected);
  });

  it('lets every Henan region claim', () => {
    expect(henan.regions.every((r) => isClaimCity(henan, r.code))).toBe(true);
    expect(claimCityCodes(henan)).toHaveLength(19);
  });

  it('maps a county to its city and a city to itself', () => {
    expect(cityCodeOf(shandong, '370202')).toBe('370200');
    expect(cityCodeOf(shandong, '370200')).toBe('370200');
    expect(cityCodeOf(shandong, '123456')).toBeNull();
  });
});

describe('claim window', () => {
  it('lets Henan claim only the current year (seed 002 能否申报往年学时)', () => {
    expect(claimableYears(henan, 2026)).toEqual([2026]);
    expect(isClaimYearOpen(henan, { year: 2025, currentYear: 2026 })).toBe(false);
    expect(isClaimYearOpen(henan, { year: 2027, currentYear: 2026 })).toBe(false);
  });

  it('lets Shandong claim this and last year, never before 2021', () => {
    expect(claimableYears(shandong, 2026)).toEqual([2025, 2026]);
    expect(claimableYears(shandong, 2021)).toEqual([2021]);
  });
});

describe('lookups by code', () => {
  it('finds title series, levels, majors and learning forms', () => {
    expect(titleSeriesByCode(henan, 'health')?.name).toBe('卫生技术');
    expect(titleSeriesByCode(henan, 'nope')).toBeUndefined();
    expect(titleLevelByCode(henan, 'senior')?.subLevels.map((s) => s.name)).toEqual(['副高级', '正高级']);
    expect(majorByCode(henan, '08')?.name).toBe('工学');
    expect(majorByCode(henan, '0812')?.name).toBe('计算机科学与技术');
  });

  it('holds the conversion standards of seed 002 as data', () => {
    const research = learningFormByCode(henan, 'research')?.hoursRule;
    expect(research?.kind === 'fixed' && research.rates[0]).toMatchObject({
      when: { projectLevel: 'national', projectRole: 'main' },
      byRank: [68, 60, 52, 44, 36],
    });
    expect(learningFormByCode(henan, 'degreeCourse')?.hoursRule).toMatchObject({ kind: 'perUnit', unit: 'course', rates: [{ hours: 15 }] });
    expect(learningFormByCode(henan, 'aidProgram')?.hoursRule).toMatchObject({ kind: 'fullYear', categories: ['public', 'specialized'] });
  });
});
