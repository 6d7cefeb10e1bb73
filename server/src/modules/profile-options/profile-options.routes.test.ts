import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileOptions } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { getProfileOptions } from './profile-options.service';
import { SESSION_COOKIE } from '../../platform/auth/sessions';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('GET /api/profile/options', () => {
  it('answers without a login, in the shape of the contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/profile/options' });
    expect(res.statusCode).toBe(200);
    const body = ProfileOptions.parse(res.json());
    expect(body.profile).toMatchObject({ name: 'henan', provinceName: '河南省', platformName: '河南省专业技术人员公共服务平台' });
    expect(body.regions[0]).toEqual({ code: '410000', name: '河南省', level: 'province', parentCode: null });
    expect(body.regions.filter((r) => r.level === 'city')).toHaveLength(18);
    expect(body.titleSeries).toEqual(
      expect.arrayContaining([
        { code: 'health', name: '卫生技术' },
        { code: 'none', name: '无' },
      ]),
    );
    expect(body.titleLevels.map((l) => l.code)).toEqual(['junior', 'intermediate', 'senior', 'none']);
    expect(body.majors.find((m) => m.name === '工学')?.children.length).toBeGreaterThan(5);
    expect(body.orgNatures.map((n) => n.name)).toEqual(['机关', '事业单位', '企业', '社会团体', '其他']);
    expect(body.orgLevels.map((l) => l.name)).toContain('地、厅、司、局级');
    expect(body.industries).toHaveLength(20);
    expect(body.claimCities).toContainEqual({ code: '410000', name: '省直' });
    expect(body.claimCities).toContainEqual({ code: '410100', name: '郑州市' });
  });

  it('ignores a session cookie that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/profile/options', cookies: { [SESSION_COOKIE]: 'forged-token' } });
    expect(res.statusCode).toBe(200);
  });

  it('does not publish pass standards, learning forms or placeholder internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/profile/options' });
    expect(Object.keys(res.json()).sort()).toEqual([
      'claimCities',
      'industries',
      'majors',
      'orgLevels',
      'orgNatures',
      'profile',
      'regions',
      'titleLevels',
      'titleSeries',
    ]);
  });

  it('refuses a write to the options', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/profile/options', payload: {} });
    expect(res.statusCode).toBe(404);
  });

  it('lists Shandong’s claim cities with 省直 and the correction e-mail', () => {
    const options = getProfileOptions('shandong');
    expect(options.claimCities.map((c) => c.name)).toEqual(['济南市', '枣庄市', '烟台市', '潍坊市', '泰安市', '临沂市', '青岛市', '省直']);
    expect(options.profile.contact.lines.map((l) => l.value)).toContain('sdzjkf@163.com');
    expect(getProfileOptions('shandong')).toBe(options);
  });
});
