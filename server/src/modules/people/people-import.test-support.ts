import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './people-import.rows';

export type ImportRowInput = Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string | number>>;
export const importHeader = IMPORT_COLUMNS.map((c) => c.header);

/** A 批量导入 workbook as a person fills the template: the header, then one row per person. */
export const importWorkbook = async (rows: ImportRowInput[], head: string[] = importHeader) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('专技人员');
  sheet.addRow(head);
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
};
