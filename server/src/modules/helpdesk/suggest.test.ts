import { describe, expect, it } from 'vitest';
import { suggestQuestions } from './suggest';

const entries = [
  { id: 'a', title: '忘记密码怎么办', variants: ['密码忘了', '找回密码'] },
  { id: 'b', title: '如何学时申报', variants: ['怎么报学时', '申报学时在哪里'] },
  { id: 'c', title: '下载、打印证书', variants: ['证书在哪打印'] },
];

describe('suggestQuestions', () => {
  it('puts prefix matches before contained and scattered matches', () => {
    const out = suggestQuestions(entries, '密码');
    expect(out[0]).toEqual({ entryId: 'a', text: '密码忘了' });
    expect(out.map((s) => s.text)).toContain('忘记密码怎么办');
  });

  it('matches typed characters that are not adjacent', () => {
    expect(suggestQuestions(entries, '学申报').map((s) => s.entryId)).toContain('b');
  });

  it('ignores punctuation and returns nothing for blank input or no match', () => {
    expect(suggestQuestions(entries, '打印？').map((s) => s.entryId)).toEqual(['c', 'c']);
    expect(suggestQuestions(entries, '   ')).toEqual([]);
    expect(suggestQuestions(entries, '社保卡')).toEqual([]);
  });

  it('treats phrasings that differ only in punctuation as one suggestion', () => {
    const out = suggestQuestions([{ id: 'x', title: '忘记登录密码', variants: ['忘记登录密码？', '忘记 登录密码'] }], '忘记');
    expect(out).toEqual([{ entryId: 'x', text: '忘记登录密码' }]);
  });

  it('returns at most the limit, without duplicate lines', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, title: `学时问题${i}`, variants: ['学时'] }));
    const out = suggestQuestions(many, '学时');
    expect(out).toHaveLength(8);
    expect(new Set(out.map((s) => s.text)).size).toBe(8);
  });
});
