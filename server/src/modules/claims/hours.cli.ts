/**
 * The hours rules from the command line (docs/hours.md): one JSON object a line in, one answer a line out.
 *   npm run -s hours -- --jsonl < checks.jsonl
 * A bad line gets a line with an "error" field and the run goes on; errors of the run itself go to stderr.
 */
import { runJsonl } from '../../platform/cli/jsonl';
import { answerHoursLine } from './hours.check';

const main = async () => {
  if (!process.argv.slice(2).includes('--jsonl')) throw new Error('用法：hours --jsonl（从标准输入逐行读取）');
  await runJsonl('hours', answerHoursLine);
};

main().catch((err: Error) => {
  process.stderr.write(`hours: ${err.message}\n`);
  process.exitCode = 1;
});
