import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SliderCaptcha } from './SliderCaptcha';

const challenge = (id: string) => ({
  captchaId: id,
  width: 300,
  height: 150,
  pieceSize: 44,
  pieceY: 50,
  background: 'data:image/svg+xml,<svg/>',
  piece: 'data:image/svg+xml,<svg/>',
  expiresInSeconds: 120,
});

type Call = { url: string; body: unknown };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const waitFor = async (check: () => boolean, timeoutMs = 3000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
};

let container: HTMLDivElement;
let root: Root;
let calls: Call[];

const mount = async (verifyStatus: number, onChange = vi.fn()) => {
  let issued = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : null });
    if (url === '/api/auth/captcha') return json(200, challenge(`c${++issued}`));
    return verifyStatus === 200
      ? json(200, { captchaToken: 'token-1' })
      : json(verifyStatus, { code: 'CAPTCHA_INVALID', message: '滑块验证失败，请重新验证' });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () =>
    root.render(
      <QueryClientProvider client={client}>
        <SliderCaptcha onChange={onChange} />
      </QueryClientProvider>,
    ),
  );
  await waitFor(() => Boolean(container.querySelector('[role="slider"]')));
  return onChange;
};

const drag = async (points: number[]) => {
  const handle = container.querySelector('[role="slider"]')!;
  const fire = (type: string, clientX: number) => handle.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX, pointerId: 1 }));
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += 15));
  await act(async () => fire('pointerdown', 100));
  for (const x of points) await act(async () => fire('pointermove', 100 + x));
  await act(async () => fire('pointerup', 100 + points[points.length - 1]!));
};

beforeEach(() => {
  calls = [];
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('SliderCaptcha', () => {
  it('records the drag with pointer events and hands the token to the form', async () => {
    const onChange = await mount(200);
    await drag([10, 35, 80, 120]);
    await waitFor(() => container.querySelector('[data-status="passed"]') !== null);
    const verify = calls.find((c) => c.url === '/api/auth/captcha/verify')!.body as { captchaId: string; x: number; trace: [number, number][] };
    expect(verify.captchaId).toBe('c1');
    expect(verify.x).toBe(120);
    expect(verify.trace[0]).toEqual([0, 0]);
    expect(verify.trace[verify.trace.length - 1]![0]).toBe(120);
    expect(verify.trace.map((p) => p[0])).toEqual([0, 10, 35, 80, 120, 120]);
    const times = verify.trace.map((p) => p[1]);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(onChange).toHaveBeenLastCalledWith('token-1');
    expect(container.textContent).toContain('验证通过');
  });

  it('keeps the piece inside the picture however far the pointer goes', async () => {
    await mount(200);
    await drag([500]);
    await waitFor(() => calls.some((c) => c.url === '/api/auth/captcha/verify'));
    const verify = calls.find((c) => c.url === '/api/auth/captcha/verify')!.body as { x: number };
    expect(verify.x).toBe(256);
  });

  it('shows the failure and fetches a new puzzle after a rejected drag', async () => {
    const onChange = await mount(400);
    await drag([30, 60]);
    await waitFor(() => container.querySelector('[data-status="failed"]') !== null);
    expect(container.textContent).toContain('验证失败，请重试');
    await waitFor(() => container.querySelector('[data-captcha-id="c2"]') !== null);
    expect(onChange).not.toHaveBeenCalledWith(expect.any(String));
  });
});
