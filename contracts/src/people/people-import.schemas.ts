import { z } from 'zod';
import { Uuid } from '../common/paging';

/** 批量导入 (seed 002, 003 6): the largest workbook and the most rows one upload may hold. */
export const peopleImportMaxBytes = 30 * 1024 * 1024;
export const peopleImportMaxRows = 100_000;

export const PeopleImportStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type PeopleImportStatus = z.infer<typeof PeopleImportStatus>;
export const peopleImportStatusLabels: Record<PeopleImportStatus, string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '导入失败',
};

/** The upload's one field besides the file: the employer the rows go to when a row names none. */
export const PeopleImportFields = z.object({ employerId: Uuid.or(z.literal('')).refine((v) => v !== '', { message: '请选择导入到的单位' }) });

export const PeopleImport = z.object({
  id: z.string(),
  filename: z.string(),
  employerName: z.string(),
  uploaderName: z.string(),
  status: PeopleImportStatus,
  statusLabel: z.string(),
  /** Null until the file's rows are counted. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  failedCount: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PeopleImport = z.infer<typeof PeopleImport>;
export const PeopleImportList = z.object({ items: z.array(PeopleImport) });
export type PeopleImportList = z.infer<typeof PeopleImportList>;
