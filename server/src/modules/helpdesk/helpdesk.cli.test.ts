import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./helpdesk.cli.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const run = (input: string, profile?: string) => {
  const { PROFILE: _ignored, ...env } = process.env;
  return execFileSync(process.execPath, [tsx, cli, '--jsonl'], {
    input,
    encoding: 'utf8',
    env: profile ? { ...env, PROFILE: profile } : env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
};

describe('helpdesk --jsonl', () => {
  it('writes one JSON line per question, best answer first, and an error line for a bad one', () => {
    const input = [
      '{"question":"登陆提示账号不存在"}',
      'not json',
      '{"question":"今天天气怎么样"}',
      '',
      '{"question":"密码错误登录不上","role":"employer"}',
    ].join('\n');
    const lines = run(input, 'shandong')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ question: '登陆提示账号不存在', handoff: false });
    expect(lines[0].answers[0]).toMatchObject({ id: 'sd-login-account-not-found' });
    expect(Object.keys(lines[0].answers[0]).sort()).toEqual(['answer', 'id', 'score', 'title']);
    expect(lines[1]).toMatchObject({ error: '不是合法的 JSON', line: 'not json' });
    expect(lines[2]).toMatchObject({ handoff: true });
    expect(lines[3].answers[0].id).toBe('sd-login-wrong-password-org');
  });

  it('answers from the Henan knowledge base when PROFILE is not set', () => {
    const [line] = run('{"question":"登陆提示账号不存在"}\n')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line.answers[0].id).toBe('hn-login-failed');
  });
});
