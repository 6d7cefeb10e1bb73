import { describe, expect, it } from 'vitest';
import { Profile } from '@cep/contracts';
import { findProfileProblems } from './profile-checks';
import { loadProfile } from './load-profile';

describe('loadProfile', () => {
  it.each(['henan', 'shandong'] as const)('loads and validates %s', (name) => {
    const profile = loadProfile(name);
    expect(Profile.safeParse(profile).success).toBe(true);
    expect(findProfileProblems(profile)).toEqual([]);
    expect(profile.dailyHourLimit).toBe(8);
    expect(profile.titleSeries.map((s) => s.name)).toEqual(expect.arrayContaining(['工程技术', '卫生技术', '中小学教师', '会计', '其他', '无']));
    expect(profile.majors.map((m) => m.name)).toEqual(expect.arrayContaining(['工学', '医学', '教育学', '管理学']));
  });

  it('reads the Henan region tree from the npm package: 18 city-level entries and their counties', () => {
    const { regions, provinceCode, provinceName } = loadProfile('henan');
    const cities = regions.filter((r) => r.level === 'city');
    const counties = regions.filter((r) => r.level === 'county');
    expect(regions[0]).toMatchObject({ code: provinceCode, name: provinceName, level: 'province', parentCode: null });
    expect(cities).toHaveLength(18);
    expect(cities.map((c) => c.name)).toEqual(expect.arrayContaining(['郑州市', '开封市', '省直辖县级行政区']));
    expect(counties.length).toBeGreaterThanOrEqual(157);
    expect(regions.find((r) => r.code === '419001')).toMatchObject({ name: '济源市', parentCode: '419000' });
    expect(counties.every((c) => cities.some((city) => city.code === c.parentCode))).toBe(true);
  });

  it('reads the Shandong region tree: 16 cities, Qingdao with its districts', () => {
    const { regions } = loadProfile('shandong');
    expect(regions.filter((r) => r.level === 'city')).toHaveLength(16);
    expect(regions.filter((r) => r.level === 'county').length).toBeGreaterThanOrEqual(130);
    expect(regions.find((r) => r.code === '370202')).toMatchObject({ name: '市南区', parentCode: '370200', fullName: '山东省青岛市市南区' });
  });

  it('gives Shandong the Qingdao placeholder employer, the correction e-mail and Henan’s learning forms', () => {
    const shandong = loadProfile('shandong');
    expect(shandong.placeholderEmployers).toEqual([expect.objectContaining({ name: '青岛市临时单位', regionCode: '370200' })]);
    expect(shandong.contact.lines.map((l) => l.value)).toContain('sdzjkf@163.com');
    expect(shandong.learningFormsFrom).toBe('henan');
    expect(shandong.learningForms).toEqual(loadProfile('henan').learningForms);
  });

  it('returns the same object on a second load (cached per process)', () => {
    expect(loadProfile('henan')).toBe(loadProfile('henan'));
  });
});

describe('findProfileProblems', () => {
  const broken = (change: (p: Profile) => void) => {
    const copy = structuredClone(loadProfile('shandong'));
    change(copy);
    return findProfileProblems(copy);
  };

  it('refuses a claim city that is a county or not in the province', () => {
    expect(broken((p) => (p.claimCities = ['370202']))).toEqual([expect.stringContaining('claimCities: 370202')]);
    expect(broken((p) => (p.claimCities = ['410100']))).toEqual([expect.stringContaining('claimCities: 410100')]);
  });

  it('refuses a gap in the pass standards', () => {
    const problems = broken(
      (p) =>
        (p.passStandards = [
          { ...p.passStandards[0]!, fromYear: 2016, toYear: 2017 },
          { ...p.passStandards[0]!, fromYear: 2019 },
        ]),
    );
    expect(problems).toContain('passStandards: 2018年 初级 没有适用于全省的合格标准');
  });

  it('refuses a placeholder employer in an unknown region and duplicate codes', () => {
    expect(broken((p) => (p.placeholderEmployers = [{ name: '临时单位', regionCode: '999999', note: '' }]))).toEqual([
      'placeholderEmployers: 未知行政区划 999999',
    ]);
    expect(broken((p) => p.titleSeries.push({ code: 'engineering', name: '重复' }))).toEqual(['titleSeries: 代码 engineering 重复']);
  });

  it('refuses a learning-form rate that names a missing option', () => {
    const problems = broken((p) => {
      const rule = p.learningForms.forms.find((f) => f.code === 'paper')!.hoursRule;
      if (rule.kind === 'fixed') rule.rates[0]!.when = { journalLevel: 'sci' };
    });
    expect(problems).toEqual(['learningForms.paper: journalLevel 没有选项 sci']);
  });
});
