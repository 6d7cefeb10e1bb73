import { createInterface } from 'node:readline';
import type { z } from 'zod';

/** One input line to one output line: a line that is not JSON, or not of the schema, gets `{"error": …}`. */
export const answerJsonLine = <T>(line: string, schema: z.ZodType<T>, answer: (input: T) => unknown): string => {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: '不是合法的 JSON', line });
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return JSON.stringify({ error: parsed.error.issues[0]?.message ?? '输入格式错误', line });
  return JSON.stringify(answer(parsed.data));
};

/**
 * Reads standard input a line at a time and writes one answer line each (blank lines skipped); a line whose
 * answer throws gets an error line and the run goes on, the cause going to stderr under the tool's name.
 */
export const runJsonl = async (tool: string, answerLine: (line: string) => string) => {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: string;
    try {
      out = answerLine(line);
    } catch (err) {
      process.stderr.write(`${tool}: ${(err as Error).message}\n`);
      out = JSON.stringify({ error: '处理该行时出错', line });
    }
    if (!process.stdout.write(`${out}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
};
