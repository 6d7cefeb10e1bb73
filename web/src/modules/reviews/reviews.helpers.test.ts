import { describe, expect, it } from 'vitest';
import type { BatchDecisionResult } from '@cep/contracts';
import { REVIEW_CONFLICT_MESSAGE } from '@cep/contracts';
import { daysWaited, kindsOfMenu, queueTotalLabel, summarizeBatch, decisionMessage, yearOptions } from './reviews.helpers';

const available = [
  { kind: 'registration.employer', label: '用人单位注册', menuKey: 'reviews.employers', hasCreditYear: false },
  { kind: 'registration.professional', label: '专业技术人员注册', menuKey: 'reviews.professionals', hasCreditYear: false },
  { kind: 'claims.hours', label: '学时申报', menuKey: 'claims.review', hasCreditYear: true },
];

describe('menu key -> request kinds (the server says where each kind is reviewed)', () => {
  it('gives a queue page the kinds the server files under its menu key', () => {
    expect(kindsOfMenu('reviews.professionals', available)).toEqual([available[1]]);
    expect(kindsOfMenu('reviews.employers', available).map((k) => k.kind)).toEqual(['registration.employer']);
    expect(kindsOfMenu('claims.review', available).map((k) => k.kind)).toEqual(['claims.hours']);
  });

  it('gives nothing for a kind the server did not offer, an unknown key, or no key', () => {
    expect(kindsOfMenu('reviews.authorities', available)).toEqual([]);
    expect(kindsOfMenu('reviews.transfers', available)).toEqual([]);
    expect(kindsOfMenu(undefined, available)).toEqual([]);
  });
});

const result = (items: BatchDecisionResult['results']): BatchDecisionResult => ({
  results: items,
  succeeded: items.filter((i) => i.ok).length,
  failed: items.filter((i) => !i.ok).length,
  note: '',
});

describe('batch result summary', () => {
  it('counts successes and failures and names each failure by its title', () => {
    const summary = summarizeBatch(
      result([
        { id: 'a', ok: true },
        { id: 'b', ok: false, code: 'CONFLICT', message: 'stale' },
        { id: 'c', ok: false, code: 'FORBIDDEN', message: '您不能审核本人提交的申请' },
      ]),
      new Map([
        ['b', '张三'],
        ['c', '李四'],
      ]),
    );
    expect(summary.text).toBe('1 条成功，2 条失败');
    expect(summary.tone).toBe('warning');
    expect(summary.failures).toEqual([
      { id: 'b', title: '张三', message: REVIEW_CONFLICT_MESSAGE },
      { id: 'c', title: '李四', message: '您不能审核本人提交的申请' },
    ]);
  });

  it('is a success when nothing failed and an error when nothing succeeded', () => {
    expect(summarizeBatch(result([{ id: 'a', ok: true }]), new Map()).tone).toBe('success');
    const failed = summarizeBatch(result([{ id: 'x', ok: false }]), new Map());
    expect(failed).toMatchObject({ tone: 'error', text: '0 条成功，1 条失败', failures: [{ id: 'x', title: 'x', message: '处理失败' }] });
  });
});

describe('days waited', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('counts whole days until now, or until the decision', () => {
    expect(daysWaited('2026-11-19T13:00:00Z', null, now)).toBe(2);
    expect(daysWaited('2026-11-10T12:00:00Z', '2026-11-13T12:00:00Z', now)).toBe(3);
    expect(daysWaited('2026-11-22T13:00:00Z', null, now)).toBe(0);
  });
});

describe('queue total', () => {
  it('says 共 N 条 for a count, and 超过 N 条 with a way to narrow it when the server stopped counting', () => {
    expect(queueTotalLabel(37, false)).toBe('共 37 条');
    expect(queueTotalLabel(10_000, true)).toBe('超过 10,000 条，可按年度、类型或关键字缩小范围');
  });
});

describe('decision message', () => {
  it('tells a reviewer whose approval passed the request up the chain, and says the final state otherwise', () => {
    expect(decisionMessage({ status: 'inReview', statusLabel: '审核中' })).toBe('已审核通过，已转下一级审核');
    expect(decisionMessage({ status: 'approved', statusLabel: '审核通过' })).toBe('已处理：审核通过');
    expect(decisionMessage({ status: 'rejected', statusLabel: '审核不通过' })).toBe('已处理：审核不通过');
  });
});

describe('year options', () => {
  it('lists the last six years and any older one with items waiting, each with its count (seed 002 单位找不到待审核学时)', () => {
    const options = yearOptions(2026, [
      { year: 2026, count: 4 },
      { year: 2017, count: 2 },
      { year: null, count: 9 },
    ]);
    expect(options.map((o) => o.label)).toEqual(['2026年（待审核 4）', '2025年', '2024年', '2023年', '2022年', '2021年', '2017年（待审核 2）']);
  });
});
