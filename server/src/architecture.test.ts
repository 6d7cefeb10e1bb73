import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries DESIGN.md draws, checked on the source (issue 8): the platform imports no module, a module
 * reaches another only through its index.ts, only routes speak HTTP, SQL
 * stays in repositories, and each central table has one writer.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$|test-support\.ts$/.test(name) ? [full] : [];
  });

const files = sourceFiles(root).filter((f) => !f.includes(`${path.sep}test${path.sep}`));
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const importsOf = (f: string) => [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

/** The module a file belongs to (modules/<name>/...), or null. */
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(rel(file))?.[1] ?? null;

describe('architecture (issue 8)', () => {
  it('keeps the platform free of modules', () => {
    const offenders = files
      .filter((f) => rel(f).startsWith('platform/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.includes('/modules/'))
          .map((i) => `${rel(f)} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('reaches another module only through its index.ts', () => {
    const offenders = files.flatMap((f) =>
      importsOf(f)
        .map((i) => path.resolve(path.dirname(f), i))
        .filter((target) => rel(target).startsWith('modules/'))
        .filter((target) => moduleOf(`${target}.ts`) !== moduleOf(f) && !/^modules\/[^/]+$/.test(rel(target)))
        .map((target) => `${rel(f)} -> ${rel(target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps HTTP in the routes: no service, policy or repository of a module imports fastify', () => {
    const offenders = files
      .filter((f) => moduleOf(f) && !/\.routes\.ts$/.test(f))
      .filter((f) => importsOf(f).some((i) => i === 'fastify' || i.startsWith('@fastify/')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories: a module queries only in its *.repository.ts (and organizations.writes.ts)', () => {
    const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(|\bsql(<[^>]*>)?`/;
    const offenders = files
      .filter((f) => moduleOf(f) && !/\.(repository|writes|tables)\.ts$/.test(f))
      .filter((f) => query.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('writes person, account and professional_profile only in people, and org only in organizations', () => {
    const owners: Record<string, RegExp> = {
      person: /^modules\/people\//,
      account: /^modules\/people\//,
      professionalProfile: /^modules\/people\//,
      org: /^modules\/organizations\/organizations\.writes\.ts$/,
    };
    const offenders = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(insertInto|updateTable|deleteFrom)\('(person|account|professionalProfile|org)'\)/g)]
        .filter((m) => !owners[m[2]!]!.test(rel(f)))
        .map((m) => `${rel(f)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
