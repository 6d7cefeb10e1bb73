import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./hours.cli.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const run = (input: string) =>
  execFileSync(process.execPath, [tsx, cli, '--jsonl'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('hours --jsonl', () => {
  it('answers each check of the issue’s interface on its own line, and an error line for a bad one', () => {
    const input = [
      '{"profile":"henan","check":"quote","form":"academicConference","fields":{"meetingLevel":"national","days":3,"presentedPaper":"yes"}}',
      '{"profile":"henan","check":"quote","form":"aidProgram","fields":{"programType":"tibet","startDate":"2025-01-01","endDate":"2025-12-31"}}',
      '{"profile":"henan","check":"quote","form":"courseStudy","fields":{"months":8}}',
      '{"profile":"henan","check":"quote","form":"research","fields":{"projectLevel":"provincial","projectRole":"sub","rank":4}}',
      'not json',
      '{"profile":"henan","check":"annualPass","year":2016,"titleLevel":"senior","regionCode":"410200","public":24,"specialized":66}',
      '',
      '{"profile":"shandong","check":"dailyLimit","startDate":"2025-05-10","endDate":"2025-05-11","hours":20}',
      '{"profile":"shandong","check":"supportedCity","regionCode":"371400"}',
      '{"profile":"shandong","check":"claimYear","year":2024,"currentYear":2026}',
      '{"profile":"hubei","check":"quote","form":"paper"}',
      '{"profile":"henan","check":"quote","form":"nope"}',
    ].join('\n');
    const lines = run(input);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toEqual({ hours: 24, explanation: '学术会议：国家部委举办 3天 × 6 + 宣读、报告论文 6 = 24学时' });
    expect(lines[1]).toMatchObject({ hours: 'fullYear' });
    expect(lines[2]).toMatchObject({ hours: 'fullYearSpecialized' });
    expect(lines[3]).toMatchObject({ refused: true, message: expect.stringContaining('前3名') });
    expect(lines[4]).toEqual({ error: '不是合法的 JSON', line: 'not json' });
    expect(lines[5]).toEqual({ pass: true, required: { total: 90, public: 24, specialized: 66 } });
    expect(lines[6]).toMatchObject({ allowed: false, message: expect.stringContaining('每天申报不超8学时') });
    expect(lines[7]).toMatchObject({ allowed: false, message: expect.stringContaining('德州市') });
    expect(lines[8]).toMatchObject({ allowed: false, years: [2025, 2026] });
    expect(lines[9]).toMatchObject({ error: 'profile 只能是 henan 或 shandong' });
    expect(lines[10].error).toContain('没有学习形式 nope');
  });
});
