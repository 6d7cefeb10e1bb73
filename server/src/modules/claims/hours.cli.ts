/**
 * The hours rules from the command line (docs/hours.md): one JSON object a line in, one answer a line out.
 *   npm run -s hours -- --jsonl < checks.jsonl
 * A bad line gets a line with an "error" field and the run goes on; errors of the run itself go to stderr.
 */
import { createInterface } from 'node:readline';
import { answerHoursLine } from './hours.check';

const main = async () => {
  if (!process.argv.slice(2).includes('--jsonl')) throw new Error('用法：hours --jsonl（从标准输入逐行读取）');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: string;
    try {
      out = answerHoursLine(line);
    } catch (err) {
      process.stderr.write(`hours: ${(err as Error).message}\n`);
      out = JSON.stringify({ error: '处理该行时出错', line });
    }
    if (!process.stdout.write(`${out}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
};

main().catch((err: Error) => {
  process.stderr.write(`hours: ${err.message}\n`);
  process.exitCode = 1;
});
