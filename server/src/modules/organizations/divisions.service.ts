import type { CreateDivisionInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Tx } from '../../platform/db/database';
import * as divisions from './divisions.repository';

type Caller = { ctx: AppContext; actor: Actor; origin: AuditOrigin };
type DivisionWork<T> = (tx: Tx, audit: (event: string, id: string, detail?: Record<string, unknown>) => Promise<void>) => Promise<T>;

const divisionNotFound = () => new AppError('NOT_FOUND', '部门不存在或不属于本单位');

/** A division write in one transaction with its audit row; a duplicate sibling name becomes a clear 409. */
const changingDivisions = async <T>({ ctx, actor, origin }: Caller, work: DivisionWork<T>): Promise<T> => {
  try {
    return await ctx.db
      .transaction()
      .execute((tx) =>
        work(tx, (event, id, detail) =>
          writeAudit(tx, ctx.clock, { event, actor: auditActorOf(actor), origin, target: { type: 'division', id }, detail: detail ?? null }),
        ),
      );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS', '同一上级部门下已有同名部门，请更换名称');
    throw error;
  }
};

const ownDivision = async (tx: Tx, actor: Actor, divisionId: string) => {
  const division = await divisions.findDivision(tx, actor.orgId, divisionId);
  if (!division) throw divisionNotFound();
  return division;
};

export const listDivisions = (ctx: AppContext, actor: Actor) => divisions.listDivisions(ctx.db, actor.orgId);

export const createDivision = (caller: Caller, input: CreateDivisionInput) =>
  changingDivisions(caller, async (tx, audit) => {
    const now = caller.ctx.clock.now();
    if (input.parentId) {
      const parent = await divisions.findDivision(tx, caller.actor.orgId, input.parentId);
      if (!parent) throw new AppError('NOT_FOUND', '上级部门不存在或不属于本单位');
      if (parent.status !== 'active') throw new AppError('INVALID_STATE', '上级部门已停用，不能在其下添加部门');
    }
    const row = await divisions.insertDivision(tx, {
      orgId: caller.actor.orgId,
      parentId: input.parentId ?? null,
      name: input.name,
      createdAt: now,
      updatedAt: now,
    });
    await audit('DIVISION_CREATE', row.id, { name: row.name, parentId: row.parentId });
    return row;
  });

export const renameDivision = (caller: Caller, divisionId: string, name: string) =>
  changingDivisions(caller, async (tx, audit) => {
    const before = await ownDivision(tx, caller.actor, divisionId);
    const row = await divisions.renameDivision(tx, divisionId, name, caller.ctx.clock.now());
    await audit('DIVISION_RENAME', divisionId, { from: before.name, to: name });
    return row;
  });

/** 禁用: a disabled division takes every division below it along. */
export const disableDivision = (caller: Caller, divisionId: string) =>
  changingDivisions(caller, async (tx, audit) => {
    const division = await ownDivision(tx, caller.actor, divisionId);
    if (division.status === 'disabled') throw new AppError('INVALID_STATE', '该部门已是停用状态');
    const changed = await divisions.setDivisionStatus(tx, divisionId, 'disabled', caller.ctx.clock.now(), true);
    await audit('DIVISION_DISABLE', divisionId, { name: division.name, divisionIds: changed });
    return { affected: changed.length };
  });

/** 启用: only the division itself; its parent must be active. */
export const enableDivision = (caller: Caller, divisionId: string) =>
  changingDivisions(caller, async (tx, audit) => {
    const division = await ownDivision(tx, caller.actor, divisionId);
    if (division.status === 'active') throw new AppError('INVALID_STATE', '该部门已是启用状态');
    const parent = division.parentId ? await ownDivision(tx, caller.actor, division.parentId) : null;
    if (parent && parent.status !== 'active') throw new AppError('INVALID_STATE', '上级部门已停用，请先启用上级部门');
    const changed = await divisions.setDivisionStatus(tx, divisionId, 'active', caller.ctx.clock.now(), false);
    await audit('DIVISION_ENABLE', divisionId, { name: division.name });
    return { affected: changed.length };
  });
