import type { RosterEntry } from '@cep/contracts';

/**
 * A pasted roster: one person a line, the ID number then the name, separated by spaces, tabs or commas (two columns
 * copied from a spreadsheet). Blank lines are skipped; a line without a name is reported by its number.
 */
export const parseRoster = (text: string): { entries: RosterEntry[]; problems: string[] } => {
  const entries: RosterEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [idNumber = '', ...rest] = line.split(/[\s,，;；]+/);
    const name = rest.join('');
    if (!name) problems.push(`第${i + 1}行缺少姓名（格式：身份证号 姓名）`);
    else entries.push({ idNumber, name });
  });
  return { entries, problems };
};
