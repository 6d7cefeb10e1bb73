/**
 * Runs every `*.bench.ts` in this folder (each exports `run(): Promise<string>` returning a markdown section)
 * and writes docs/BENCHMARKS.md with the machine and date. `npm run bench -- helpdesk` runs only the
 * benchmarks whose file name contains "helpdesk" and keeps the other sections already in the file.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, '..', 'docs', 'BENCHMARKS.md');
const filters = process.argv.slice(2).filter((a) => a !== '--');

const machine = () => {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* not on every system */
  }
  return `Machine: ${nproc} cores (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}.`;
};

/** Sections already in the file, by bench name, so that a filtered run keeps the others. */
const previousSections = (): Map<string, string> => {
  const sections = new Map<string, string>();
  if (!existsSync(outFile)) return sections;
  const text = readFileSync(outFile, 'utf8');
  for (const m of text.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g)) sections.set(m[1]!, m[2]!);
  return sections;
};

const main = async () => {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const sections = previousSections();
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    if (filters.length && !filters.some((f) => name.includes(f))) continue;
    console.error(`bench: ${name} ...`);
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<string> };
    if (typeof mod.run !== 'function') {
      console.error(`bench: ${file} exports no run()`);
      continue;
    }
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    sections.set(name, `${(await mod.run()).trim()}\n\n_Measured ${date} UTC. ${machine()}_`);
  }
  const body = [...sections].sort(([a], [b]) => a.localeCompare(b)).map(([name, text]) => `<!-- bench:${name} -->\n${text}\n<!-- /bench:${name} -->`);
  const header =
    '# Benchmarks\n\nWritten by `npm run bench` (bench/run.ts); each section says when and on which machine it was measured. The machines are shared and noisy: compare figures with each other, not across machines.\n';
  writeFileSync(outFile, `${header}\n${body.join('\n\n')}\n`);
  console.error(`bench: wrote ${path.relative(process.cwd(), outFile)}`);
};

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
