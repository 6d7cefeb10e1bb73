/**
 * Builds profiles/<province>/helpdesk/kb.json from the seed texts. The committed JSON is the source of truth
 * (a UI edits the entries later); rerun this only to rebuild from the seeds:
 *   npx tsx profiles/scripts/build-kb.ts <seeds folder>
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerKey, cleanManual, cleanPdf, parseGrouped, parseSections, splitVariants, type Group, type Section } from './kb/parse';
import type { EntryMeta } from './kb/roles';
import { shandongFaq } from './kb/shandong-faq';
import { bureauManual, zaozhuangFaq, zaozhuangSpecial } from './kb/shandong-sections';
import { shandongDerived } from './kb/shandong-derived';
import { henanFaq, henanGuide } from './kb/henan';

type Entry = { id: string; title: string; answer: string; variants: string[]; topic: string; roles: string[]; handoff?: boolean; source: string };

const seedsDir = process.argv[2];
if (!seedsDir) throw new Error('usage: build-kb.ts <seeds folder>');
const seed = (prefix: string) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
};

const unique = (items: string[]) => [...new Set(items.map((v) => v.trim()).filter(Boolean))];

const entryOf = (meta: EntryMeta, answer: string, questions: string[], source: string, split = true): Entry => ({
  id: meta.id,
  title: meta.title,
  answer,
  topic: meta.topic,
  roles: meta.roles,
  variants: unique([...(split ? questions.flatMap(splitVariants) : questions), ...(meta.variants ?? [])]),
  ...(meta.handoff ? { handoff: true } : {}),
  source,
});

/** Merges groups with the same reply, then gives each the metadata whose `match` occurs first (then longest) in it. */
const groupedEntries = (groups: (Group & { source: string })[], metas: EntryMeta[]): Entry[] => {
  const merged = new Map<string, Group & { source: string }>();
  for (const g of groups) {
    const known = merged.get(answerKey(g.answer));
    if (known) known.questions.push(...g.questions);
    else merged.set(answerKey(g.answer), { ...g, questions: [...g.questions] });
  }
  const used = new Set<string>();
  const entries = [...merged.values()].map((g) => {
    const at = (m: EntryMeta) => g.answer.indexOf(m.match);
    const meta = metas.filter((m) => at(m) >= 0).sort((a, b) => at(a) - at(b) || b.match.length - a.match.length)[0];
    if (!meta) throw new Error(`no metadata for reply: ${g.answer.slice(0, 30)}`);
    if (used.has(meta.id)) throw new Error(`two replies for ${meta.id}`);
    used.add(meta.id);
    return entryOf(meta, g.answer, g.questions, g.source);
  });
  const unused = metas.filter((m) => !used.has(m.id)).map((m) => m.id);
  if (unused.length) throw new Error(`metadata without a reply: ${unused.join(', ')}`);
  return entries;
};

const headingQuestion = (match: string) => match.replace(/^\d+(\.\d+)?[、.]?/, '').replace(/[:：]$/, '');

const sectionEntries = (sections: Section[], clean: (s: Section) => string, source: string) =>
  sections.map((s) => {
    const answer = clean(s);
    if (!answer) throw new Error(`empty section ${s.meta.id}`);
    return entryOf(s.meta, answer, [headingQuestion(s.meta.match)], source, false);
  });

const zaozhuangCuts: Record<string, string> = {
  'sd-zz-password-forgot': '重置后密码为身份证后六位。',
  'sd-zz-admin-also-professional': '请勾选复选框"',
  'sd-zz-register-no-response': '不要使用手机哦。',
  'sd-zz-registration-review-time': '帮您尽快处理。',
  'sd-zz-registration-wrong-employer': '重新注册即可。',
  'sd-zz-transfer': '待新单位管理员接收后即可调转成功。',
  'sd-zz-org-change-superior': '即可更换成功',
  'sd-zz-org-admins': '(更换超管后不保留原超管账号)。',
};

const buildShandong = (): Entry[] => {
  const s000 = seed('000');
  const s001 = seed('001');
  const s003 = seed('003');
  const s004 = seed('004');
  const groups = [...parseGrouped(s000).map((g) => ({ ...g, source: '000' })), ...parseGrouped(s001).map((g) => ({ ...g, source: '001' }))];
  // The wrong-password reply is split by role (shandongDerived) instead of kept whole.
  const faq = groupedEntries(
    groups.filter((g) => !g.answer.startsWith('建议您先根据提示页面进行【忘记密码】操作')),
    shandongFaq,
  );
  const derived = shandongDerived.map((d) => {
    for (const part of d.parts) if (!s001.includes(part)) throw new Error(`not in seed 001: ${part}`);
    return entryOf(d, d.parts.join(''), d.seedQuestions, '001');
  });
  const pdf = (s: Section) => cleanPdf(s.answer, zaozhuangCuts[s.meta.id]);
  const special = sectionEntries(parseSections(s004, zaozhuangSpecial, { from: '特殊情况注册说明', keepRest: true }), pdf, '004');
  const zzFaq = sectionEntries(parseSections(s004, zaozhuangFaq, { from: '19、学时申报标准' }), pdf, '004');
  const manual = sectionEntries(parseSections(s003, bureauManual, { from: '' }), (s) => cleanManual(s.answer), '003');
  return [...faq, ...derived, ...special, ...zzFaq, ...manual];
};

/** Province-neutral canned replies of seed 001 that Henan users need too (accounting, health, phones, titles, fees, cooperation). */
const cannedIds = ['sd-oos-accounting', 'sd-oos-health', 'sd-oos-phone', 'sd-oos-title-review', 'sd-cooperation', 'sd-oos-course-fee'];

const buildHenan = (): Entry[] => {
  const s002 = seed('002');
  const guide = sectionEntries(parseSections(s002, henanGuide, { from: '', exact: true }), (s) => cleanManual(s.answer), '002');
  const faq = sectionEntries(
    parseSections(s002, henanFaq, { from: '3638. 参加线上学习完成但显示学时不同步？' }),
    (s) => cleanManual(s.answer),
    '002',
  );
  const cannedMetas = shandongFaq.filter((m) => cannedIds.includes(m.id));
  const cannedAnswers = new Set(cannedMetas.map((m) => m.match));
  const groups = parseGrouped(seed('001')).filter((g) => [...cannedAnswers].some((m) => g.answer.includes(m)));
  const canned = groupedEntries(
    groups.map((g) => ({ ...g, source: '001' })),
    cannedMetas.map((m) => ({ ...m, id: m.id.replace(/^sd-/, 'hn-') })),
  );
  return [...guide, ...faq, ...canned];
};

const write = (profile: string, entries: Entry[]) => {
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', profile, 'helpdesk');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'kb.json'), `${JSON.stringify(entries, null, 2)}\n`);
  console.log(`${profile}: ${entries.length} entries`);
};

write('shandong', buildShandong());
write('henan', buildHenan());
