import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar, creditCodeCheckChar } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { snapshotTables } from '../../test/db-snapshot';
import { listApiRoutes, requestBodyOf, sampleOf, sampleQuery, stringLeaves, urlOf, withLeaf, type ApiRoute } from '../../test/openapi-routes';
import { createBranchRecords, type RouteRecords } from '../../test/api-records';

/**
 * Issue 7 item 5's bar: every route of the OpenAPI document, each string its request carries (body, query,
 * path) replaced in turn by input that must be refused, sent by a signed-in county admin on real records of
 * its own branch: no answer is a 5xx, and no business table changes.
 */
const idWith = (first17: string) => first17 + idNumberCheckChar(first17);
const BAD_TEXT = {
  nul: 'a\u0000b',
  loneSurrogate: 'x\ud800y',
  invisibleOnly: '\u200b\u200e\u2060',
  huge: '长'.repeat(30_000),
};
const BAD_ID_NUMBERS = {
  bornIn2099: idWith('41010220990101123'),
  bornIn1899: idWith('41010218991231123'),
  regionZero: idWith('00000019800101123'),
};
const BAD_CREDIT_CODES = { zeros: `00000000000000000${creditCodeCheckChar('00000000000000000')}` };

/** The bad values a string field gets: every field the text classes, ID numbers and credit codes their own too. */
const badValuesFor = (field: string, where: 'body' | 'query' | 'path'): Record<string, string> => {
  const text: Record<string, string> = where === 'body' ? BAD_TEXT : { nul: BAD_TEXT.nul, invisibleOnly: BAD_TEXT.invisibleOnly };
  if (/idNumber/i.test(field)) return { ...text, ...BAD_ID_NUMBERS };
  if (/creditCode/i.test(field)) return { ...text, ...BAD_CREDIT_CODES };
  return text;
};

let t: TestContext;
let routes: ApiRoute[];
let records: RouteRecords;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext();
  routes = listApiRoutes(t.app);
  const branch = await createBranchRecords(t, '410102');
  records = branch.records;
  cookie = branch.countyAdmin.cookie;
});
afterAll(async () => t?.close());

type Variant = { label: string; url: string; body: unknown };

/** Every request of the fuzz for one route: one string replaced by one bad value. */
const variantsOf = (route: ApiRoute): Variant[] => {
  const params = records[route.key] ?? {};
  const query = sampleQuery(route);
  const body = route.body ? sampleOf(route.body) : undefined;
  const variants: Variant[] = [];
  for (const path of body === undefined ? [] : stringLeaves(body)) {
    for (const [name, bad] of Object.entries(badValuesFor(path.at(-1) ?? '', 'body'))) {
      variants.push({ label: `body.${path.join('.')}=${name}`, url: urlOf(route, params, query), body: withLeaf(body, path, bad) });
    }
  }
  for (const name of Object.keys(query)) {
    for (const [label, bad] of Object.entries(badValuesFor(name, 'query'))) {
      variants.push({ label: `query.${name}=${label}`, url: urlOf(route, params, { ...query, [name]: bad }), body });
    }
  }
  for (const name of route.pathParams) {
    for (const [label, bad] of Object.entries(badValuesFor(name, 'path'))) {
      variants.push({ label: `path.${name}=${label}`, url: urlOf(route, { ...params, [name]: bad }, query), body });
    }
  }
  return variants;
};

describe('fuzz of every route with input that must be refused (issue 7 item 5)', () => {
  it('answers no 5xx and changes no business table', async () => {
    let sent = 0;
    const problems: string[] = [];
    for (const route of routes) {
      const variants = variantsOf(route);
      if (variants.length === 0) continue;
      const before = await snapshotTables(t);
      for (const variant of variants) {
        const res = await t.app.inject({ method: route.method, url: variant.url, ...requestBodyOf(route, cookie, variant.body) });
        sent++;
        if (res.statusCode >= 500) problems.push(`${route.key} ${variant.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode < 300 && route.method !== 'GET') problems.push(`${route.key} ${variant.label}: accepted`);
      }
      const after = await snapshotTables(t);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) problems.push(`${route.key}: wrote ${changed.join(', ')}`);
    }
    expect(sent).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
});
