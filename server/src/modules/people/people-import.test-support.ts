import type { ImportRowInput } from './people-import.xlsx';
export { importWorkbook, type ImportRowInput } from './people-import.xlsx';
import { IMPORT_COLUMNS } from './people-import.rows';
import { demoIdNumber } from '../../demo/demo-ids';

export const importHeader = IMPORT_COLUMNS.map((c) => c.header);

/** A row every check passes (a nurse of 卫生技术, 中级), for the given name and ID number. */
export const sampleImportRow = (name: string, idNumber: string): ImportRowInput => ({
  name,
  idNumber,
  ethnicity: '汉族',
  education: '大学本科',
  major: '临床医学',
  titleSeries: '卫生技术',
  titleLevel: '中级',
  titleObtainedOn: '2019-09-01',
});

/**
 * `count` valid rows of distinct people of one region (up to 9,000 birth days times 900 sequence numbers): names are
 * `prefix` and two characters, the ID numbers real and checksummed. For the big imports of the kill test and the bench.
 */
export const sampleImportRows = (count: number, prefix: string, regionCode: string): ImportRowInput[] =>
  Array.from({ length: count }, (_, i) =>
    sampleImportRow(
      `${prefix}${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x4e00 + Math.floor(i / 500))}`,
      demoIdNumber(regionCode, new Date(Date.UTC(1960, 0, 1) + (i % 9_000) * 86_400_000).toISOString().slice(0, 10), 100 + Math.floor(i / 9_000)),
    ),
  );
