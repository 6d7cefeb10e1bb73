import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Profile } from '@cep/profiles';
import { peopleImportMaxRows } from '@cep/contracts';
import { IMPORT_COLUMNS, type ImportCells, type ImportColumnKey, type ImportList } from './people-import.rows';
import { excelSerialToDate, readFirstSheet, type XlsxCell } from '../../platform/files/xlsx-reader';

const TEMPLATE_SHEET = '专技人员';
const LISTS_SHEET = '下拉选项';
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

const listNames = (profile: Profile): Record<ImportList, string[]> => {
  const majors = new Set<string>();
  for (const m of profile.majors) for (const c of m.children.length ? m.children : [m]) majors.add(c.name);
  return {
    ethnicities: profile.ethnicities.map((e) => e.name),
    educations: profile.educations.map((e) => e.name),
    majors: [...majors],
    titleSeries: profile.titleSeries.map((s) => s.name),
    titleLevels: profile.titleLevels.map((l) => l.name),
  };
};

const EXAMPLE: Record<ImportColumnKey, string> = {
  name: '张三（示例行，导入前请删除）',
  idNumber: '410102199001011234',
  phone: '13800138000',
  email: 'zhangsan@example.com',
  ethnicity: '汉族',
  education: '大学本科',
  major: '临床医学',
  titleSeries: '卫生技术',
  titleLevel: '中级',
  titleObtainedOn: '2020-07-01',
  creditCode: '',
};

const NOTES = [
  '填写说明',
  '1. 带 * 的列必须填写；每行一名专业技术人员，最多 100,000 行；请勿修改表头和列的顺序。',
  '2. 身份证号请按文本填写 18 位（本模板该列已设为文本格式），末位 X 大写小写均可；系统校验校验位和年龄。',
  '3. 民族、学历、所学专业、职称系列、职称级别请从下拉列表中选择；没有职称的人员，职称系列和职称级别均选“无”。',
  '4. 职称取得时间填写如 2020-07-01：评审通过之日、考试最后一日或考核认定批准之日（有职称时必填）。',
  '5. “所在单位统一社会信用代码”不填时，人员导入到上传时选择的单位；填写时须为您管理范围内已审核通过的用人单位。',
  '6. 导入成功的人员无需注册，用身份证号登录，初始密码为身份证号后六位，首次登录须修改密码。',
  '7. 已在平台注册的人员、文件内重复的身份证号不会导入；导入完成后可下载“失败数据”，按失败原因修改后重新上传。',
  '8. 示例行（第 2 行）是格式示例，导入前请删除。',
];

// exceljs keeps range validations (one entry for a whole column) but its types do not declare them.
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void } }).dataValidations;

/** The 批量导入 template: headers, one example row, drop-downs from the profile's lists, and the notes. */
export const buildImportTemplate = async (profile: Profile): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = profile.platformName;
  const sheet = book.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const notes = book.addWorksheet('填写说明');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => {
    cell.fill = headerFill;
  });
  sheet.addRow(IMPORT_COLUMNS.map((c) => EXAMPLE[c.key]));
  const last = peopleImportMaxRows + 1;
  const names = listNames(profile);
  IMPORT_COLUMNS.forEach((column, i) => {
    const letter = String.fromCharCode(65 + i);
    if (column.key === 'idNumber' || column.key === 'phone' || column.key === 'creditCode') sheet.getColumn(i + 1).numFmt = '@';
    if (!('list' in column)) return;
    const listIndex = Object.keys(names).indexOf(column.list) + 1;
    const values = names[column.list];
    lists.getColumn(listIndex).values = [column.header.replace('*', ''), ...values];
    const listLetter = String.fromCharCode(64 + listIndex);
    validations(sheet).add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${listLetter}$2:$${listLetter}$${values.length + 1}`],
      showErrorMessage: true,
      errorTitle: '请从下拉列表选择',
      error: `${column.header.replace('*', '')}请从下拉列表中选择`,
    });
  });
  notes.getColumn(1).width = 110;
  for (const line of NOTES) notes.addRow([line]);
  notes.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await book.xlsx.writeBuffer());
};

const DATE_COLUMN = IMPORT_COLUMNS.findIndex((c) => c.key === 'titleObtainedOn');
const ID_COLUMN = IMPORT_COLUMNS.findIndex((c) => c.key === 'idNumber');

/** A cell as text: a number in the date column is an Excel date; any other number as its digits. */
const cellText = (value: XlsxCell, column: number): string => {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (column === DATE_COLUMN && value > 0 && value < 100_000) return excelSerialToDate(value);
  return String(value);
};

export type SheetRow = { rowNo: number; cells: ImportCells; idWasNumber: boolean };

/**
 * The first worksheet's rows, streamed (a 100,000-row file is never all in memory): the header as row 1, then
 * every row that holds anything, each cut to the template's columns.
 */
export async function* readImportRows(file: string): AsyncGenerator<SheetRow | { header: string[] }> {
  for await (const row of readFirstSheet(file)) {
    if (row.rowNo === 1) {
      yield { header: Array.from(row.cells, (v, i) => cellText(v ?? null, i).trim()) };
      continue;
    }
    const texts = IMPORT_COLUMNS.map((_, i) => cellText(row.cells[i] ?? null, i).slice(0, 200));
    if (texts.every((t) => t.trim() === '')) continue;
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, texts[i]!])) as ImportCells;
    yield { rowNo: row.rowNo, cells, idWasNumber: typeof row.cells[ID_COLUMN] === 'number' };
  }
}

/** The failure workbook: each refused row as it was given, its row number in the upload, and why. */
export const buildFailureWorkbook = async (rows: AsyncIterable<{ rowNo: number; cells: ImportCells; reason: string }>) => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } })),
    { header: '失败原因', key: 'reason', width: 50 },
    { header: '原行号', key: 'rowNo', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const r of rows) sheet.addRow({ ...r.cells, reason: r.reason, rowNo: r.rowNo }).commit();
  sheet.commit();
  await book.commit();
  await done;
  return Buffer.concat(chunks);
};

export type ImportRowInput = Partial<Record<ImportColumnKey, string | number>>;

/** A workbook as a person fills the template (the header, then one row per person): the demo, tests and benches. */
export const importWorkbook = async (rows: ImportRowInput[], head: string[] = IMPORT_COLUMNS.map((c) => c.header)) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(TEMPLATE_SHEET);
  sheet.addRow(head);
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
};
