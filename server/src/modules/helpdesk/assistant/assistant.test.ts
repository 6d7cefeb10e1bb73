import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '@cep/profiles';
import { createAssistant, defaultAssistantOptions, normalizeText, type Assistant } from './index';

let shandong: Assistant;
let henan: Assistant;

beforeAll(() => {
  shandong = createAssistant(loadKnowledgeBase('shandong'));
  henan = createAssistant(loadKnowledgeBase('henan'));
});

const top = (a: Assistant, question: string, role?: 'professional' | 'employer' | 'authority' | 'provider' | 'hrBureau') =>
  a.answer(question, role ? { role } : {}).answers[0]?.id;

describe('normalizeText', () => {
  it('turns full-width letters and digits into half-width, lower case, and drops punctuation', () => {
    expect(normalizeText('用ＩＥ浏览器，注册１次？')).toBe('用ie浏览器 注册1次');
  });

  it('fixes the typos and homophones users write', () => {
    expect(normalizeText('登陆提示帐号不存在')).toBe('登录提示账号不存在');
    expect(normalizeText('忘记秘码，学识申报')).toBe('忘记密码 学时申报');
  });
});

describe('role preference', () => {
  it('answers the same question by the role the signed-in account has', () => {
    expect(top(shandong, '密码错误登录不上', 'professional')).toBe('sd-login-wrong-password-professional');
    expect(top(shandong, '密码错误登录不上', 'employer')).toBe('sd-login-wrong-password-org');
    expect(top(shandong, '登录账号是什么', 'professional')).toBe('sd-professional-login-account');
    expect(top(shandong, '登录账号是什么', 'provider')).toBe('sd-provider-login-account');
  });

  it('prefers the role the question names over the signed-in role', () => {
    expect(top(shandong, '我是单位管理员，密码忘了登不进去', 'professional')).toBe('sd-login-wrong-password-org');
    expect(top(shandong, '我是继续教育机构的，登录账号用什么')).toBe('sd-provider-login-account');
  });

  it('answers an admin by the admin manual and a professional by the FAQ', () => {
    expect(top(shandong, '密码想换个新的在哪里改', 'hrBureau')).toBe('sd-admin-change-password');
    expect(top(shandong, '密码想换个新的在哪里改', 'professional')).toBe('sd-password-forgot');
  });
});

describe('typos and homophones', () => {
  it('answers 登陆/帐号 like 登录/账号', () => {
    expect(top(shandong, '登陆提示帐号不存在')).toBe(top(shandong, '登录提示账号不存在'));
    expect(top(henan, '帐号登陆不上，提示角色未注册')).toBe('hn-login-failed');
  });

  it('answers 学识 like 学时', () => {
    expect(top(shandong, '学识申报怎么撤销', 'professional')).toBe('sd-hours-claim-withdraw');
  });
});

describe('out of scope', () => {
  it('gives the seed’s canned answer where one fits, without a hand-off', () => {
    const reply = shandong.answer('会计人员的继续教育在哪里学');
    expect(reply.answers[0]?.id).toBe('sd-oos-accounting');
    expect(reply.answers[0]?.answer).toBe('您好，建议您联系您的行业主管部门财政局咨询');
    expect(reply.handoff).toBe(false);
    expect(top(henan, '我是护士，继续教育去哪学')).toBe('hn-oos-health');
  });

  it('hands off when the canned answer itself is a hand-off (cooperation)', () => {
    const reply = henan.answer('我们公司想和你们平台合作');
    expect(reply.answers[0]?.id).toBe('hn-cooperation');
    expect(reply.handoff).toBe(true);
  });

  it('hands off nonsense and unrelated questions with low confidence', () => {
    for (const q of ['今天天气怎么样', 'asdfgh', '推荐几只股票']) {
      const reply = henan.answer(q);
      expect(reply.handoff, q).toBe(true);
      expect(reply.confidence, q).toBeLessThan(defaultAssistantOptions.threshold);
    }
  });
});

describe('reply shape', () => {
  it('returns at most three answers, best first, with non-increasing scores', () => {
    const reply = shandong.answer('注册的时候提示身份证号已经存在了');
    expect(reply.answers.length).toBeGreaterThan(0);
    expect(reply.answers.length).toBeLessThanOrEqual(3);
    const scores = reply.answers.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(reply.confidence).toBeGreaterThanOrEqual(defaultAssistantOptions.threshold);
    expect(reply.handoff).toBe(false);
  });
});
