export { importWorkbook, type ImportRowInput } from './people-import.xlsx';
import { IMPORT_COLUMNS } from './people-import.rows';

export const importHeader = IMPORT_COLUMNS.map((c) => c.header);
