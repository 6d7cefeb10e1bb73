#!/usr/bin/env node
// Builds the web app only when what it is built from changed since the last build (a hash of the sources,
// kept beside the build), so a second `npm start` serves in seconds. `--force` builds anyway.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/package.json',
  'contracts/src',
  'contracts/package.json',
  'package-lock.json',
];
const stamp = path.join(root, 'web/dist/.source-hash');

const filesOf = (p) => {
  const full = path.join(root, p);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [p];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .flatMap((e) => filesOf(path.join(p, e.name)));
};

const hash = createHash('sha256');
for (const file of SOURCES.flatMap(filesOf).sort())
  hash
    .update(file)
    .update('\0')
    .update(readFileSync(path.join(root, file)))
    .update('\0');
const current = hash.digest('hex');

const built = existsSync(path.join(root, 'web/dist/index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current;
if (built && !process.argv.includes('--force')) {
  console.log('网页端无改动，沿用上次构建 (web/dist)');
} else {
  const result = spawnSync('npm', ['run', '-s', 'build', '-w', 'web', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, current);
}
