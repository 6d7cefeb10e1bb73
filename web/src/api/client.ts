import { AppErrorCode, defaultErrorMessages, type ErrorBody } from '@cep/contracts';
import type { z } from 'zod';

/** An API failure as the UI sees it: the server's code and Chinese message, plus the HTTP status. */
export class ApiError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(options: { code: AppErrorCode; message: string; status: number; details?: Record<string, unknown> }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.details = options.details ?? {};
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The code a bare HTTP status stands for when the body is not our error shape (a proxy page, a crash). */
const codeOfStatus = (status: number): AppErrorCode => {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
};

/** Turns any failed response body into an ApiError; unknown shapes get the status's default message. */
export const toApiError = (status: number, body: unknown): ApiError => {
  const candidate = (body ?? {}) as Partial<ErrorBody>;
  const parsedCode = AppErrorCode.safeParse(candidate.code);
  const code = parsedCode.success ? parsedCode.data : codeOfStatus(status);
  const message = typeof candidate.message === 'string' && candidate.message ? candidate.message : defaultErrorMessages[code];
  const details = candidate.details && typeof candidate.details === 'object' ? candidate.details : undefined;
  return new ApiError({ code, message, status, details });
};

export type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON, or a FormData of an upload (sent as multipart as it is). */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** When given, the response is parsed with it, so a contract drift fails loudly instead of rendering garbage. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
};

const withQuery = (path: string, query?: RequestOptions<unknown>['query']) => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A login failure is also a 401; only these two codes mean the session itself is missing or over. */
export const isSessionGone = (error: ApiError) => error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED';

/** Called when the session is gone so the app can leave the workspace; set once by the app root. */
let onUnauthorized: ((error: ApiError) => void) | null = null;
export const setUnauthorizedHandler = (handler: ((error: ApiError) => void) | null) => {
  onUnauthorized = handler;
};

const requestBody = (body: unknown): { headers: Record<string, string>; body: BodyInit | undefined } => {
  if (body === undefined) return { headers: { Accept: 'application/json' }, body: undefined };
  if (body instanceof FormData) return { headers: { Accept: 'application/json' }, body };
  return { headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
};

/** The one fetch wrapper: JSON in and out (or a file up), same-origin cookies, errors as ApiError. */
export const apiRequest = async <T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> => {
  const sent = requestBody(options.body);
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      credentials: 'same-origin',
      ...sent,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'INTERNAL', message: '网络连接失败，请检查网络后重试', status: 0 });
  }
  const body = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (isSessionGone(error)) onUnauthorized?.(error);
    throw error;
  }
  return options.schema ? options.schema.parse(body) : (body as T);
};

/** A one-file multipart body, as the upload routes take it. */
export const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

export const formatFileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The file name a download's Content-Disposition gives (RFC 5987 first), or `fallback`. */
const filenameOf = (response: Response, fallback: string) => {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
};

/**
 * Fetches a document the server makes (a certificate PDF) as a local object URL with the server's name for it; a
 * refusal comes back as an ApiError with its Chinese message, like any other call. The caller offers the file as a
 * link the person clicks (a download started without a click is blocked by browsers after the first).
 */
export const apiFile = async (path: string, options: { query?: RequestOptions<unknown>['query']; fallbackName: string }) => {
  const response = await fetch(withQuery(path, options.query), { credentials: 'same-origin' }).catch(() => {
    throw new ApiError({ code: 'INTERNAL', message: '网络连接失败，请检查网络后重试', status: 0 });
  });
  if (!response.ok) {
    const error = toApiError(response.status, await readBody(response));
    if (isSessionGone(error)) onUnauthorized?.(error);
    throw error;
  }
  return { url: URL.createObjectURL(await response.blob()), filename: filenameOf(response, options.fallbackName) };
};
