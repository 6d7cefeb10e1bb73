import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, setUnauthorizedHandler, toApiError } from './client';

const respond = (status: number, body: unknown, raw = false) =>
  vi.fn(async () => new Response(raw ? String(body) : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe('toApiError', () => {
  it('keeps the server code, message and details', () => {
    const error = toApiError(403, { code: 'ACCOUNT_UNDER_REVIEW', message: '审核中', details: { reviewer: { orgName: '某局' } } });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.message, error.status]).toEqual(['ACCOUNT_UNDER_REVIEW', '审核中', 403]);
    expect(error.details).toEqual({ reviewer: { orgName: '某局' } });
  });

  it('falls back to the status and the default Chinese message for foreign bodies', () => {
    expect(toApiError(502, null)).toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试', details: {} });
    expect(toApiError(429, { error: 'Too Many' })).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(toApiError(401, { code: 'NOT_A_CODE' })).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials and parses the answer with the schema', async () => {
    const fetchMock = respond(200, { ok: true, extra: 1 });
    vi.stubGlobal('fetch', fetchMock);
    const result = await apiRequest('/api/x', { body: { a: 1 }, query: { page: 2, q: undefined }, schema: z.object({ ok: z.boolean() }) });
    expect(result).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x?page=2');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' });
  });

  it('throws an ApiError for an error body', async () => {
    vi.stubGlobal('fetch', respond(401, { code: 'WRONG_PASSWORD', message: '密码错误请重新输入' }));
    await expect(apiRequest('/api/auth/login', { body: {} })).rejects.toMatchObject({ code: 'WRONG_PASSWORD', status: 401 });
  });

  it('maps a non-JSON failure and a network failure to Chinese messages', async () => {
    vi.stubGlobal('fetch', respond(500, '<html>Bad Gateway</html>', true));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'INTERNAL', message: '网络连接失败，请检查网络后重试', status: 0 });
  });

  it('reports a lost session but not a failed login to the unauthorized handler', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', respond(401, { code: 'WRONG_PASSWORD', message: '密码错误' }));
    await expect(apiRequest('/api/auth/login', { body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', respond(401, { code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' }));
    await expect(apiRequest('/api/ops/outbox')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
  });
});
