import path from 'node:path';
import type { Readable } from 'node:stream';
import { peopleImportMaxBytes, peopleImportMaxRows, peopleImportStatusLabels, type PeopleImport, type PeopleImportList } from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db/database';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { isInScope } from '../../platform/auth/scope';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { INITIAL_ID_LAST_SIX } from '../../platform/auth/passwords';
import { lockUntilCommit } from '../../platform/db/locks';
import { chinaDay } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { filesDir, removeStored, storeUploadStream } from '../../platform/files/files';
import { UnreadableWorkbook } from '../../platform/files/xlsx-reader';
import { archivePeople, insertImportedPeople, type ImportedPerson } from './people.repository';
import {
  employerById,
  employersByCreditCodes,
  failuresOf,
  findImport,
  insertFailures,
  insertImport,
  listImportsOfOrg,
  lockImportRow,
  peopleByIdNumbers,
  releaseImportLock,
  tryImportLock,
  unfinishedImportIds,
  updateImport,
} from './people-import.repository';
import { checkImportRow, headerProblem, idKey, importLists, type CheckedRow, type ImportCells } from './people-import.rows';
import { buildFailureWorkbook, buildImportTemplate, readImportRows, type SheetRow } from './people-import.xlsx';

export const PEOPLE_IMPORT_JOB = 'people.import';
/** Rows committed together: each batch's people, failures and progress are one transaction. */
const BATCH_ROWS = 1_000;

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

const present = (row: ImportRow): PeopleImport => ({
  id: row.id,
  filename: row.filename,
  employerName: row.employerName,
  uploaderName: row.uploaderName,
  status: row.status,
  statusLabel: peopleImportStatusLabels[row.status],
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  createdCount: row.createdCount,
  failedCount: row.failedCount,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

const templates = new Map<string, Promise<Buffer>>();
/** The template of the platform's profile (built once per process). */
export const importTemplate = (ctx: AppContext) => {
  const name = ctx.config.profile;
  if (!templates.has(name)) templates.set(name, buildImportTemplate(loadProfile(name)));
  return templates.get(name)!;
};

type Employer = NonNullable<Awaited<ReturnType<typeof employerById>>>;
/** Why people cannot go to this employer for this uploader, or null. */
const employerRefusal = (employer: Employer | undefined, scope: { orgPath: string }) => {
  if (employer?.kind !== 'employer' || !isInScope(scope, employer.path)) return '该单位不在您的管理范围内';
  if (employer.isPlaceholder) return '不能导入到临时单位，请选择人员的实际工作单位';
  if (employer.status !== 'active') return '该单位未审核通过或已注销，不能导入';
  return null;
};

/** The header row and whether any row follows it; a file that cannot be read is refused like a wrong template. */
const firstRows = async (file: string) => {
  let header: string[] | null = null;
  try {
    for await (const item of readImportRows(file)) {
      if ('header' in item) header = item.header;
      else return { header, hasRows: true };
    }
  } catch {
    return { header: null, hasRows: false };
  }
  return { header, hasRows: false };
};

/**
 * 批量导入's upload: the employer must be the uploader's or in its scope; the file must be the template's workbook
 * with at least one row. It is queued as a background job; one import of an org runs at a time.
 */
export const startImport = async (
  ctx: AppContext,
  actor: Actor,
  origin: AuditOrigin,
  input: { employerId: string; openUpload: () => Promise<{ filename: string; stream: Readable }> },
): Promise<PeopleImport> => {
  // Refused before the body is read: no file of a refused import reaches the disk.
  const refusal = employerRefusal(await employerById(ctx.db, input.employerId), actor);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  const upload = await input.openUpload();
  const stored = await storeUploadStream({
    dataDir: ctx.config.dataDir,
    filename: upload.filename,
    stream: upload.stream,
    limits: { xlsx: peopleImportMaxBytes },
  });
  const file = path.join(filesDir(ctx.config.dataDir), stored.storedName);
  const first = await firstRows(file);
  const problem = !first.header ? '文件无法读取，请使用导入模板填写并保存为 .xlsx 文件' : headerProblem(first.header);
  if (problem || !first.hasRows) {
    await removeStored(ctx.config.dataDir, stored.storedName);
    throw new AppError('VALIDATION_FAILED', problem ?? '文件中没有人员数据，请在模板第 2 行起填写');
  }
  const id = await ctx.db
    .transaction()
    .execute(async (tx) => {
      await lockUntilCommit(tx, `people-import:${actor.orgId}`);
      if ((await listImportsOfOrg(tx, actor.orgId, 5)).some((i) => i.status === 'queued' || i.status === 'running')) {
        throw new AppError('CONFLICT', '本单位有一个导入任务正在进行，请等待其完成后再上传');
      }
      const importId = await insertImport(tx, {
        orgId: actor.orgId,
        personId: actor.personId,
        accountId: actor.accountId,
        employerId: input.employerId,
        filename: stored.filename,
        storedName: stored.storedName,
        totalRows: null,
        error: null,
        createdAt: ctx.clock.now(),
        startedAt: null,
        finishedAt: null,
      });
      await writeAudit(tx, ctx.clock, {
        event: 'PEOPLE_IMPORT_STARTED',
        actor: auditActorOf(actor),
        origin,
        target: { type: 'peopleImport', id: importId },
        detail: { filename: stored.filename, employerId: input.employerId, size: stored.size, sha256: stored.sha256 },
      });
      await ctx.jobs.send(PEOPLE_IMPORT_JOB, { importId }, tx);
      return importId;
    })
    .catch(async (error: unknown) => {
      await removeStored(ctx.config.dataDir, stored.storedName);
      throw error;
    });
  return present((await findImport(ctx.db, id))!);
};

export const listImports = async (ctx: AppContext, actor: Actor): Promise<PeopleImportList> => ({
  items: (await listImportsOfOrg(ctx.db, actor.orgId, 20)).map(present),
});

/** One of the org's own imports (another org's is not found, even a subordinate's). */
const ownImport = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await findImport(ctx.db, id);
  if (!row || row.orgId !== actor.orgId) throw new AppError('NOT_FOUND', '导入记录不存在');
  return row;
};

export const getImport = async (ctx: AppContext, actor: Actor, id: string) => present(await ownImport(ctx, actor, id));

/** The failure workbook (the refused rows as given, full ID numbers included, so they can be fixed): audited. */
export const failureWorkbook = async (ctx: AppContext, actor: Actor, origin: AuditOrigin, id: string) => {
  const row = await ownImport(ctx, actor, id);
  if (row.status !== 'done' && row.status !== 'failed') throw new AppError('INVALID_STATE', '导入尚未完成，请完成后再下载失败数据');
  const bytes = await buildFailureWorkbook(
    (async function* () {
      for await (const f of failuresOf(ctx.db, id)) yield { rowNo: f.rowNo, cells: f.cells as ImportCells, reason: f.reason };
    })(),
  );
  await writeAudit(ctx.db, ctx.clock, {
    event: 'PEOPLE_IMPORT_FAILURES_EXPORTED',
    actor: auditActorOf(actor),
    origin,
    target: { type: 'peopleImport', id },
    detail: { rows: row.failedCount },
  });
  const base = row.filename.replace(/\.xlsx$/i, '');
  return { filename: `${base}-失败数据.xlsx`, bytes };
};

type Failure = { rowNo: number; cells: ImportCells; reason: string };

/** What one run of an import knows across its batches. */
type Run = {
  ctx: AppContext;
  conn: Db;
  job: ImportRow;
  scope: { orgPath: string };
  lists: ReturnType<typeof importLists>;
  today: string;
  /** ID number → the row that first gave it (rows before a resumed run's start included). */
  seen: Map<string, number>;
  employers: Map<string, Employer | null>;
  defaultEmployer: Employer | undefined;
};

const rowFailure = (row: SheetRow, reason: string): Failure => ({ rowNo: row.rowNo, cells: row.cells, reason });

/** The rows of one batch checked against the file, the profile and the database (before its transaction). */
const checkBatch = async (run: Run, rows: SheetRow[]) => {
  const failures: Failure[] = [];
  const passed: { sheet: SheetRow; row: CheckedRow }[] = [];
  for (const sheet of rows) {
    const key = idKey(sheet.cells);
    const first = run.seen.get(key);
    if (key && first === undefined) run.seen.set(key, sheet.rowNo);
    const checked = checkImportRow(sheet.rowNo, sheet.cells, run.lists, run.today);
    const reasons = 'reasons' in checked ? [...checked.reasons] : [];
    if (sheet.idWasNumber) reasons.unshift('身份证号被存成了数字（末尾数字会丢失），请将该列设为文本格式后重新填写');
    if (key && first !== undefined) reasons.push(`与第${first}行的身份证号重复`);
    if (reasons.length || !('row' in checked)) failures.push(rowFailure(sheet, reasons.join('；')));
    else passed.push({ sheet, row: checked.row });
  }
  const codes = [...new Set(passed.map((p) => p.row.creditCode).filter((c): c is string => c !== null && !run.employers.has(c)))];
  for (const c of codes) run.employers.set(c, null);
  for (const e of await employersByCreditCodes(run.conn, codes)) run.employers.set(e.creditCode!, e);
  const placed: { sheet: SheetRow; person: ImportedPerson }[] = [];
  for (const p of passed) {
    const employer = p.row.creditCode ? run.employers.get(p.row.creditCode) : run.defaultEmployer;
    const refusal =
      !employer && p.row.creditCode
        ? `未找到统一社会信用代码为${p.row.creditCode}的已审核用人单位`
        : employerRefusal(employer ?? undefined, run.scope);
    if (refusal) failures.push(rowFailure(p.sheet, refusal));
    else {
      const { rowNo: _rowNo, creditCode: _creditCode, ...person } = p.row;
      placed.push({ sheet: p.sheet, person: { ...person, orgId: employer!.id } });
    }
  }
  const known = new Map(
    (
      await peopleByIdNumbers(
        run.conn,
        placed.map((p) => p.person.idNumber),
      )
    ).map((p) => [p.idNumber, p]),
  );
  const toCreate: typeof placed = [];
  for (const p of placed) {
    const person = known.get(p.person.idNumber);
    // An admin's own professional account is theirs to register: an import may not set their password.
    if (person?.professional) failures.push(rowFailure(p.sheet, '该身份证号已在平台注册，无需导入'));
    else if (person?.live) failures.push(rowFailure(p.sheet, '该身份证号已有平台账号，请本人登录后以“已是本系统用户”注册专业技术人员'));
    else toCreate.push(p);
  }
  const toArchive = toCreate.map((p) => known.get(p.person.idNumber)?.id).filter((id): id is string => Boolean(id));
  return { failures, toCreate, toArchive };
};

/** One batch: its people, its refused rows and the import's progress, committed together or not at all. */
const commitBatch = async (run: Run, rows: SheetRow[], range: { from: number; to: number }) => {
  const { failures, toCreate, toArchive } = await checkBatch(run, rows);
  await run.conn.transaction().execute(async (tx) => {
    const current = await lockImportRow(tx, run.job.id);
    if (current?.processedRows !== range.from) throw new Error('导入进度已被另一个任务推进');
    await archivePeople(tx, toArchive);
    const created = new Set(
      await insertImportedPeople(
        tx,
        toCreate.map((p) => p.person),
        { passwordHash: INITIAL_ID_LAST_SIX, now: run.ctx.clock.now() },
      ),
    );
    for (const p of toCreate) if (!created.has(p.person.idNumber)) failures.push(rowFailure(p.sheet, '该身份证号已在平台注册，无需导入'));
    failures.sort((a, b) => a.rowNo - b.rowNo);
    await insertFailures(
      tx,
      failures.map((f) => ({ importId: run.job.id, rowNo: f.rowNo, cells: JSON.stringify(f.cells), reason: f.reason })),
    );
    await updateImport(tx, run.job.id, {
      processedRows: range.to,
      createdCount: current.createdCount + created.size,
      failedCount: current.failedCount + failures.length,
    });
  });
};

const finish = async (run: Run, outcome: { status: 'done' } | { status: 'failed'; error: string }) => {
  await run.conn.transaction().execute(async (tx) => {
    const current = await lockImportRow(tx, run.job.id);
    if (!current || current.status === 'done' || current.status === 'failed') return;
    await updateImport(tx, run.job.id, { status: outcome.status, error: 'error' in outcome ? outcome.error : null, finishedAt: run.ctx.clock.now() });
    await writeAudit(tx, run.ctx.clock, {
      event: 'PEOPLE_IMPORT_FINISHED',
      outcome: outcome.status === 'done' ? 'success' : 'failure',
      actor: { personId: run.job.personId, accountId: run.job.accountId, orgId: run.job.orgId },
      target: { type: 'peopleImport', id: run.job.id },
      detail: { rows: current.processedRows, created: current.createdCount, failed: current.failedCount },
      ...('error' in outcome ? { reason: outcome.error } : {}),
    });
    await run.ctx.notifier.send(tx, {
      channel: 'inbox',
      personId: run.job.personId,
      subject: outcome.status === 'done' ? '批量导入已完成' : '批量导入失败',
      body:
        outcome.status === 'done'
          ? `您上传的“${run.job.filename}”已导入完成：成功 ${current.createdCount} 人，失败 ${current.failedCount} 行。失败数据可在【批量导入】页面下载，修改后重新上传。`
          : `您上传的“${run.job.filename}”导入失败：${'error' in outcome ? outcome.error : ''}`,
    });
  });
};

const runLocked = async (ctx: AppContext, conn: Db, importId: string, signal: AbortSignal) => {
  const job = await findImport(conn, importId);
  if (!job || job.status === 'done' || job.status === 'failed') return;
  const uploader = await employerById(conn, job.orgId);
  const profile = loadProfile(ctx.config.profile);
  const run: Run = {
    ctx,
    conn,
    job,
    scope: { orgPath: uploader?.path ?? '\u0000' },
    lists: importLists(profile),
    today: chinaDay(ctx.clock.now()),
    seen: new Map(),
    employers: new Map(),
    defaultEmployer: await employerById(conn, job.employerId),
  };
  const file = path.join(filesDir(ctx.config.dataDir), job.storedName);
  try {
    if (uploader?.status !== 'active') return await finish(run, { status: 'failed', error: '上传导入文件的单位已不可用' });
    if (job.status === 'queued') await updateImport(conn, job.id, { status: 'running', startedAt: ctx.clock.now() });
    if (job.totalRows === null) {
      let total = 0;
      for await (const item of readImportRows(file)) if (!('header' in item)) total += 1;
      if (total > peopleImportMaxRows) {
        return await finish(run, { status: 'failed', error: `文件有 ${total} 行数据，超过每次最多 ${peopleImportMaxRows} 行，请拆分后分别上传` });
      }
      await updateImport(conn, job.id, { totalRows: total });
    }
    let index = 0;
    let batch: SheetRow[] = [];
    let from = job.processedRows;
    for await (const item of readImportRows(file)) {
      if ('header' in item) continue;
      index += 1;
      if (index <= job.processedRows) {
        const key = idKey(item.cells);
        if (key && !run.seen.has(key)) run.seen.set(key, item.rowNo);
        continue;
      }
      batch.push(item);
      if (batch.length === BATCH_ROWS) {
        await commitBatch(run, batch, { from, to: index });
        from = index;
        batch = [];
        if (signal.aborted) return; // a shutdown: the next start resumes after this batch
      }
    }
    if (batch.length) await commitBatch(run, batch, { from, to: index });
    await finish(run, { status: 'done' });
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    await finish(run, { status: 'failed', error: '文件无法读取，请使用导入模板填写并保存为 .xlsx 文件后重新上传' });
  }
};

/**
 * The background job: runs an import on one connection that holds the import's lock for the whole run, so a
 * second worker (a retry, another process, the restart after a kill) leaves a live run alone and resumes a dead
 * one after its last committed batch. An error other than an unreadable file propagates: the queue retries it.
 */
export const runImport = async (ctx: AppContext, data: unknown, signal: AbortSignal) => {
  const { importId } = data as { importId: string };
  await ctx.db.connection().execute(async (conn) => {
    if (!(await tryImportLock(conn, importId))) return;
    try {
      await runLocked(ctx, conn, importId, signal);
    } finally {
      await releaseImportLock(conn, importId);
    }
  });
};

/** At start: every import left queued or running goes to the worker again (a live run elsewhere keeps its lock). */
export const resumeImports = async (ctx: AppContext) => {
  for (const importId of await unfinishedImportIds(ctx.db)) await ctx.jobs.send(PEOPLE_IMPORT_JOB, { importId });
};
