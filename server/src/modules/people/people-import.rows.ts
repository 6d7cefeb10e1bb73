import { Email, PersonIdNumber, PersonName, Phone, personFactsOf, type TitleLevel } from '@cep/contracts';
import type { Profile } from '@cep/profiles';
import { cleanText, hasUnstorableCharacter } from '@cep/contracts';

/** The template's columns, in order; a `*` marks what every row must give. */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名*', width: 12 },
  { key: 'idNumber', header: '身份证号*', width: 22 },
  { key: 'phone', header: '手机号', width: 14 },
  { key: 'email', header: '电子邮箱', width: 24 },
  { key: 'ethnicity', header: '民族', width: 10, list: 'ethnicities' },
  { key: 'education', header: '学历', width: 12, list: 'educations' },
  { key: 'major', header: '所学专业*', width: 16, list: 'majors' },
  { key: 'titleSeries', header: '职称系列*', width: 20, list: 'titleSeries' },
  { key: 'titleLevel', header: '职称级别*', width: 10, list: 'titleLevels' },
  { key: 'titleObtainedOn', header: '职称取得时间', width: 14 },
  { key: 'creditCode', header: '所在单位统一社会信用代码', width: 26 },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type ImportCells = Record<ImportColumnKey, string>;
export type ImportList = 'ethnicities' | 'educations' | 'majors' | 'titleSeries' | 'titleLevels';

const bare = (header: string) => header.replace(/[*＊\s]/g, '');

/** Null when the first row is the template's header; otherwise the message for the uploader. */
export const headerProblem = (cells: string[]) => {
  const expected = IMPORT_COLUMNS.map((c) => bare(c.header));
  const given = cells.map(bare);
  const ok = expected.every((h, i) => given[i] === h);
  return ok ? null : '文件的表头与导入模板不一致，请下载最新的导入模板，按模板填写后重新上传';
};

/** Each drop-down's names and the code each name stands for (a major's name means its most specific code). */
export const importLists = (profile: Profile): Record<ImportList, Map<string, string>> => {
  const majors = new Map<string, string>();
  for (const m of profile.majors) {
    if (!majors.has(m.name)) majors.set(m.name, m.code);
    for (const c of m.children) majors.set(c.name, c.code);
  }
  const byName = (items: readonly { code: string; name: string }[]) => new Map(items.map((i) => [i.name, i.code]));
  return {
    ethnicities: byName(profile.ethnicities),
    educations: byName(profile.educations),
    majors,
    titleSeries: byName(profile.titleSeries),
    titleLevels: byName(profile.titleLevels),
  };
};

/** A row that passed every check that needs no database: what the person and the profile rows will hold. */
export type CheckedRow = {
  rowNo: number;
  name: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
  education: string | null;
  major: string;
  titleSeries: string;
  titleLevel: TitleLevel;
  titleObtainedOn: string | null;
  creditCode: string | null;
  gender: 'male' | 'female';
  birthDate: string;
};

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message ?? '格式不正确';

/** 'YYYY-MM-DD' from what a person types in a cell (2020-7-1, 2020/07/01, 2020.7.1, 2020年7月1日), or null. */
export const parseCellDate = (value: string) => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
};

/**
 * Checks one row without the database: required cells, the ID number (check digit, working age), contacts, the
 * drop-down values against the profile's lists, the title's date. Returns the row or the reasons in Chinese.
 */
export const checkImportRow = (
  rowNo: number,
  cells: ImportCells,
  lists: Record<ImportList, Map<string, string>>,
  today: string,
): { row: CheckedRow } | { reasons: string[] } => {
  const reasons: string[] = [];
  for (const column of IMPORT_COLUMNS) {
    const value = cells[column.key];
    if (hasUnstorableCharacter(value)) reasons.push(`${bare(column.header)}包含无法识别的字符（如空字符）`);
    else if (column.header.endsWith('*') && cleanText(value) === '') reasons.push(`${bare(column.header)}不能为空`);
  }
  if (reasons.length) return { reasons };
  const value = (key: ImportColumnKey) => cleanText(cells[key]);
  const name = PersonName.safeParse(value('name'));
  if (!name.success) reasons.push(firstMessage(name));
  const id = PersonIdNumber.safeParse(value('idNumber'));
  if (!id.success) reasons.push(firstMessage(id));
  const phone = value('phone') ? Phone.safeParse(value('phone')) : null;
  if (phone && !phone.success) reasons.push('手机号应为11位数字');
  const email = value('email') ? Email.safeParse(value('email')) : null;
  if (email && !email.success) reasons.push('电子邮箱格式不正确');
  const pick = (key: ImportColumnKey, list: ImportList, label: string) => {
    const v = value(key);
    if (!v) return null;
    const code = lists[list].get(v);
    if (!code) reasons.push(`${label}“${v}”不在可选列表中，请从下拉列表选择`);
    return code ?? null;
  };
  const ethnicity = pick('ethnicity', 'ethnicities', '民族');
  const education = pick('education', 'educations', '学历');
  const major = pick('major', 'majors', '所学专业');
  const titleSeries = pick('titleSeries', 'titleSeries', '职称系列');
  const titleLevel = pick('titleLevel', 'titleLevels', '职称级别') as TitleLevel | null;
  const noSeries = titleSeries === 'none';
  const noLevel = titleLevel === 'none';
  if (titleSeries && titleLevel && noSeries !== noLevel) reasons.push('职称系列与职称级别须同为“无”或同时填写');
  let titleObtainedOn: string | null = null;
  if (value('titleObtainedOn')) {
    titleObtainedOn = parseCellDate(value('titleObtainedOn'));
    if (!titleObtainedOn) reasons.push('职称取得时间格式不正确，请填写如 2020-07-01');
    else if (titleObtainedOn > today) reasons.push('职称取得时间不能晚于今天');
  } else if (titleSeries && titleLevel && !noSeries && !noLevel) reasons.push('有职称的人员须填写职称取得时间');
  const creditCode = value('creditCode').toUpperCase() || null;
  if (reasons.length || !name.success || !id.success) return { reasons };
  return {
    row: {
      rowNo,
      name: name.data,
      idNumber: id.data,
      phone: phone?.success ? phone.data : null,
      email: email?.success ? email.data : null,
      ethnicity,
      education,
      major: major!,
      titleSeries: titleSeries!,
      titleLevel: titleLevel!,
      titleObtainedOn: noSeries ? null : titleObtainedOn,
      creditCode,
      ...personFactsOf(id.data),
    },
  };
};

/** An ID number as typed, for spotting the same person twice in one file (case and spaces ignored). */
export const idKey = (cells: ImportCells) => cleanText(cells.idNumber).toUpperCase();
