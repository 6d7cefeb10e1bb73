import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@cep/contracts';
import type { FastifyInstance } from 'fastify';
import { newIdNumber } from './factories';
import { multipartFile, samplePng } from './uploads';

/** JSON Schema as the OpenAPI document carries it (only what the sample builder reads). */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | false;
  prefixItems?: Schema[];
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  default?: unknown;
};

export type ApiRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: /api/reviews/{id} */
  path: string;
  key: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | null;
};

type Operation = {
  parameters?: Array<{ name: string; in: string; schema: Schema; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema: Schema }> };
};

/** Every route of the API as the OpenAPI document generated from the contracts lists it. */
export const listApiRoutes = (app: FastifyInstance): ApiRoute[] => {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([verb, op]) => {
      const method = verb.toUpperCase() as ApiRoute['method'];
      const parameters = op.parameters ?? [];
      return {
        method,
        path,
        key: `${method} ${path}`,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      };
    }),
  );
};

const creditCode = () => {
  const first17 = `12410100MB${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

/** A plausible value for a string field, by its name and format: what a person filling the form would type. */
const sampleString = (key: string, schema: Schema): string => {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'email' || /email/i.test(key)) return 'someone@example.cn';
  if (/idNumber/i.test(key)) return newIdNumber();
  if (/creditCode/i.test(key)) return creditCode();
  if (/regionCode/i.test(key)) return '410102';
  if (key === 'orgPhone') return '0371-66668888';
  if (/phone/i.test(key)) return '13800001111';
  if (/password/i.test(key)) return 'Zq7#kLm2wx';
  if (key === 'code') return '123456';
  if (/(On|Date)$/.test(key) || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2020-09-01';
  if (/name$/i.test(key)) return '张测试';
  if (key === 'idType') return '身份证';
  return '测试内容';
};

/** A sample of `schema` that its contract should accept (with what the named fields usually hold). */
export const sampleOf = (schema: Schema, key = ''): unknown => {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleOf(s, k)]));
    case 'array':
      if (schema.prefixItems) return schema.prefixItems.map((s) => sampleOf(s, key));
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => (schema.items ? sampleOf(schema.items, key) : '测试'));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return typeof schema.default === 'boolean' ? schema.default : false;
    case 'string':
      return sampleString(key, schema);
    default:
      return null;
  }
};

/** The paths (a.b.0) of every string inside a sample. */
export const stringLeaves = (value: unknown, path: string[] = []): string[][] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
};

/** A copy of `value` with the leaf at `path` replaced. */
export const withLeaf = (value: unknown, path: string[], leaf: unknown): unknown => {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head!]: withLeaf(object[head!], rest, leaf) };
};

/** The URL of a route with its path parameters filled in, and a query string. */
export const urlOf = (route: ApiRoute, params: Record<string, string>, query: Record<string, string> = {}) => {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? randomUUID()));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/** A sample query of a route: the required parameters, and the string ones the route searches by. */
export const sampleQuery = (route: ApiRoute): Record<string, string> =>
  Object.fromEntries(route.query.filter((q) => q.required || q.schema.type === 'string').map((q) => [q.name, String(sampleOf(q.schema, q.name))]));

/** A one-file multipart body (a tiny PNG), as the upload routes take it. */
export const pngUpload = multipartFile('a.png', samplePng);

/** Routes that take a file rather than JSON. */
export const UPLOAD_ROUTES = ['POST /api/notices/manage/{id}/attachments', 'POST /api/requests/attachments'];

/** The headers and payload of a request to `route`: its sample JSON body, or a file for an upload route. */
export const requestBodyOf = (route: ApiRoute, cookie?: string, body: unknown = route.body ? sampleOf(route.body) : undefined) => {
  const upload = UPLOAD_ROUTES.includes(route.key);
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(upload ? { 'content-type': pngUpload.contentType } : {}) };
  if (upload) return { headers, payload: pngUpload.payload };
  return body === undefined ? { headers } : { headers, payload: body as object };
};
