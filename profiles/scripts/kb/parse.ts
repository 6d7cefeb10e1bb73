import type { EntryMeta } from './roles';

export type Group = { answer: string; questions: string[] };
export type Section = { meta: EntryMeta; answer: string };

const questionLine = /^\d+\.\s*(.*)$/;

/** Seeds 000/001: numbered question lines, each followed by `回复：answer` (which may run over several lines). */
export const parseGrouped = (text: string): Group[] => {
  const lines = text.split('\n');
  const groups: Group[] = [];
  let question: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const q = questionLine.exec(line);
    if (q) {
      question = q[1]!.trim();
      continue;
    }
    if (!line.startsWith('回复：') || question === null) continue;
    const answerLines = [line.slice(3)];
    while (isContinuation(lines[i + 1])) answerLines.push(lines[++i]!);
    groups.push({ answer: answerLines.join('\n').trim(), questions: [question] });
    question = null;
  }
  return groups;
};

const isContinuation = (line: string | undefined) =>
  line !== undefined && line.trim() !== '' && !questionLine.test(line) && !line.startsWith('#') && !line.startsWith('<!--');

/** The same reply may end with or without a closing semicolon in the seed; treat both as one. */
export const answerKey = (answer: string) => answer.trim().replace(/[；;]$/, '');

/** A seed question line lists several phrasings ("A、B/C"); keep the line and its longer parts. */
export const splitVariants = (line: string): string[] => {
  const separators = (line.match(/，/g) ?? []).length >= 2 ? /[、/，]/ : /[、/]/;
  const parts = line.split(separators).map((p) => p.trim().replace(/[。，,？?]$/, ''));
  return [line.replace(/[。，,]$/, ''), ...parts.filter((p) => p.length >= 5)];
};

const stripBookmarks = (line: string) => line.replace(/\[bookmark:[^\]]*\]/g, '').trim();

/**
 * Cuts a manual into sections at the given heading lines, searched in order from `from` (so a table of
 * contents before it is skipped). A meta with an empty id only closes the previous section.
 */
export const parseSections = (text: string, metas: EntryMeta[], opts: { from: string; exact?: boolean; keepRest?: boolean }): Section[] => {
  const { from, exact = false, keepRest = false } = opts;
  const lines = text
    .slice(text.indexOf(from) + from.length)
    .split('\n')
    .map(stripBookmarks);
  const starts: { meta: EntryMeta; line: number; rest: string }[] = [];
  let at = 0;
  for (const meta of metas) {
    const idx = lines.findIndex((l, i) => i >= at && (exact ? l === meta.match : l.startsWith(meta.match)));
    if (idx < 0) throw new Error(`heading not found: ${meta.match}`);
    starts.push({ meta, line: idx, rest: keepRest ? lines[idx]!.slice(meta.match.length) : '' });
    at = idx + 1;
  }
  return starts.flatMap((s, k) => {
    if (!s.meta.id) return [];
    const end = starts[k + 1]?.line ?? lines.length;
    return [{ meta: s.meta, answer: [s.rest, ...lines.slice(s.line + 1, end)].join('\n') }];
  });
};

const cjk = /[\u4e00-\u9fff]/;
const figureRefs = [/，?详细如下图所示[：:]/g, /如下图所示[：:。]?/g, /如图所示[：:。]?/g];

/** Removes figure markup and references (the images are not part of the answer) and empty lines. */
export const cleanManual = (raw: string): string => {
  let text = raw.replace(/\[image:[^\]]*\][^\n]*/g, '');
  for (const ref of figureRefs) text = text.replace(ref, (m) => (m.startsWith('，') ? '。' : ''));
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => cjk.test(l) && !/^图\s*[：:]/.test(l) && !/样式如下[：:]$/.test(l))
    .join('\n');
};

const paragraphStart = /^(提示[一二三四]|方式|调转方式|情况[一二]|步骤|温馨提示|增加管理员|更换超管|注意|邮件内容|处理时间|\d[)、]|\([一二三]\))/;
const sentenceEnd = /[。;；:：!?！？)）]$/;

/** Seed 004 is text extracted from a PDF: rejoin broken lines and drop the spaces the extraction added. */
export const cleanPdf = (raw: string, cutAfter?: string): string => {
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^-\s*\d+\s*-$/.test(l));
  let text = '';
  for (const line of lines) {
    const newPara = text === '' || sentenceEnd.test(text) || paragraphStart.test(line);
    text += (newPara && text ? '\n' : '') + line;
  }
  text = text
    .replace(/<\/?u>/g, '')
    .replace(/\[~\]/g, '~')
    .replace(/sdz jkf@163\. com/g, 'sdzjkf@163.com');
  const tight = /(?<=[\u4e00-\u9fff，。、；：,;:()（）"“”【】-])[ \t]+(?=[\u4e00-\u9fff，。、；：,;:()（）"“”【】-])/g;
  text = text.replace(tight, '');
  if (cutAfter) {
    const at = text.indexOf(cutAfter);
    if (at < 0) throw new Error(`cut marker not found: ${cutAfter}`);
    text = text.slice(0, at + cutAfter.length);
  }
  return text.trim();
};
