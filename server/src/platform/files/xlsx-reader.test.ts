import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { UnreadableWorkbook, excelSerialToDate, readFirstSheet } from './xlsx-reader';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xlsx-reader-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const rowsOf = async (file: string) => {
  const rows = [];
  for await (const row of readFirstSheet(file)) rows.push(row);
  return rows;
};

describe('the XLSX reader of imports', () => {
  it('reads 20,000 Chinese names back exactly (exceljs’s stream reader garbled 6 of them), with numbers, dates and gaps', async () => {
    const names = Array.from(
      { length: 20_000 },
      (_, i) => `批量${String.fromCharCode(0x4e00 + (i % 300))}${String.fromCharCode(0x4e00 + Math.floor(i / 300))}`,
    );
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人员');
    book.addWorksheet('说明').addRow(['not this sheet']);
    sheet.addRow(['姓名', '编号', '日期', '空', '备注']);
    names.forEach((name, i) => {
      sheet.addRow([name, i, new Date(Date.UTC(2020, 6, 1)), null, { richText: [{ text: '富' }, { text: '文本' }] }]);
    });
    const file = path.join(dir, 'names.xlsx');
    await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(20_001);
    expect(rows[0]!.cells).toEqual(['姓名', '编号', '日期', '空', '备注']);
    const wrong = rows.slice(1).filter((r, i) => r.cells[0] !== names[i] || r.cells[1] !== i);
    expect(wrong).toEqual([]);
    expect(excelSerialToDate(rows[1]!.cells[2] as number)).toBe('2020-07-01');
    expect(rows[1]!.cells[3]).toBeUndefined();
    expect(rows[1]!.cells[4]).toBe('富文本');
  });

  it('refuses what is not a workbook', async () => {
    const file = path.join(dir, 'fake.xlsx');
    await writeFile(file, 'PK\u0003\u0004 not really a zip');
    await expect(rowsOf(file)).rejects.toBeInstanceOf(UnreadableWorkbook);
  });
});
