/**
 * The assistant from the command line, for evaluation by others. Uses the profile in PROFILE (default henan).
 *   npm run -s helpdesk -- --jsonl < questions.jsonl     one {"question","role"?} per line in, one answer line out
 *   npm run -s helpdesk -- "忘记密码怎么办"               a readable answer
 * Only answer lines go to stdout; errors go to stderr, and a bad input line gets a line with an "error" field.
 */
import { z } from 'zod';
import { LoginRole } from '@cep/contracts';
import { loadKnowledgeBase } from '@cep/profiles';
import { createAssistant, type Assistant } from './assistant';
import { answerJsonLine, runJsonl } from '../../platform/cli/jsonl';

/** Role words people write, accepted besides the codes. */
const roleWords: Record<string, string> = {
  专技: 'professional',
  专技人员: 'professional',
  专技个人: 'professional',
  个人: 'professional',
  专业技术人员: 'professional',
  单位: 'employer',
  用人单位: 'employer',
  单位管理员: 'employer',
  主管部门: 'authority',
  机构: 'provider',
  继续教育机构: 'provider',
  继续教育基地: 'provider',
  基地: 'provider',
  人社: 'hrBureau',
  人社局: 'hrBureau',
  人社部门: 'hrBureau',
};

const CliQuestion = z.object({
  question: z.string({ message: '缺少 question 字段' }).trim().min(1, '问题不能为空').max(2000, '问题过长'),
  role: z.preprocess(
    (v) => (v === null || v === '' ? undefined : typeof v === 'string' ? (roleWords[v.trim()] ?? v.trim()) : v),
    z.enum(LoginRole.options, { message: 'role 只能是 professional、employer、authority、provider、hrBureau' }).optional(),
  ),
});

const Profile = z.enum(['henan', 'shandong']);

const answerLine = (assistant: Assistant, line: string): string =>
  answerJsonLine(line, CliQuestion, ({ question, role }) => {
    const reply = assistant.answer(question, role ? { role } : {});
    return { question, handoff: reply.handoff, answers: reply.answers };
  });

const printReadable = (assistant: Assistant, question: string) => {
  const reply = assistant.answer(question);
  const lines = reply.answers.map((a, i) => `${i === 0 ? '答复' : `相关${i}`}（${a.id}，${a.score}）${a.title}\n${a.answer}\n`);
  if (reply.handoff) lines.push('我不太确定是否回答了您的问题，可以为您转接人工客服。');
  process.stdout.write(`${lines.join('\n')}\n`);
};

const main = async () => {
  const profile = Profile.safeParse(process.env.PROFILE || 'henan');
  if (!profile.success) throw new Error(`PROFILE 只能是 henan 或 shandong，收到：${process.env.PROFILE}`);
  const assistant = createAssistant(loadKnowledgeBase(profile.data));
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--jsonl')) return runJsonl('helpdesk', (line) => answerLine(assistant, line));
  const question = args.join(' ').trim();
  if (!question) throw new Error('用法：helpdesk --jsonl（从标准输入逐行读取）或 helpdesk "问题"');
  printReadable(assistant, question);
};

main().catch((err: Error) => {
  process.stderr.write(`helpdesk: ${err.message}\n`);
  process.exitCode = 1;
});
