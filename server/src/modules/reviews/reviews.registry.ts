import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import type { Permission, ReviewField } from '@cep/contracts';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import type { WithdrawableUntil } from './reviews.workflow';
import type { RequestRow } from './reviews.repository';

/** Who files a request: the person, and the account they acted from (null for an anonymous registration). */
export type Applicant = { personId: string; accountId: string | null };

/** A request as hooks see it, with its payload already parsed by the kind's schema. */
export type ReviewedRequest<P> = Omit<RequestRow, 'payload'> & { payload: P };

export type KindArgs<P> = { tx: Tx; ctx: AppContext; payload: P; applicant: Applicant };
export type HookArgs<P> = { tx: Tx; ctx: AppContext; request: ReviewedRequest<P>; actor: Actor | null; reason: string | null };

/** What reviewers see in lists, and where the request sits in the org tree. */
export type RequestSummary = {
  title: string;
  /** The org the request is about or filed under; its subtree's admins see it in their data scope. */
  subjectOrgId: string;
  creditYear?: number | null;
  /** Extra words for the reviewer's keyword search (the applicant's name and the title are always included). */
  searchText?: string;
};

/**
 * One request kind on the review engine. The engine owns states, steps, concurrency, audit and
 * notifications; the definition owns the business: its payload, rules, reviewer chain and effect.
 */
export type RequestKindDefinition<P = unknown> = {
  kind: string;
  label: string;
  /** The permission module a reviewer needs, or one per step (e.g. different menus at each level). */
  permission: Permission | ((step: { stepNo: number; stepCount: number; payload: P }) => Permission);
  /** The menu whose queue lists the kind (a menu item with `queue: true`); default: the permission, when it is one. */
  queueMenu?: Permission;
  /** Permissions that also let an admin whose data scope holds a request read it (a records page), beside its steps'. */
  readPermissions?: Permission[];
  /** Whether a request belongs to a credit year, so its queue offers the 年度 filter. */
  hasCreditYear?: boolean;
  payloadSchema: z.ZodType<P>;
  /** Business rules beyond the schema; throws AppError. */
  validate?: (args: KindArgs<P>) => Promise<void>;
  /** The ordered reviewer org ids; levels that do not exist are left out by the definition. */
  route: (args: KindArgs<P>) => Promise<string[]>;
  summarize: (args: KindArgs<P>) => Promise<RequestSummary>;
  /** What final approval does, in the same transaction as the decision. */
  effect?: (args: HookArgs<P>) => Promise<void>;
  onRejected?: (args: HookArgs<P>) => Promise<void>;
  /** 审验不通过 of an approved request: undoes the effect. A kind without it cannot be taken back once approved. */
  onRevoked?: (args: HookArgs<P>) => Promise<void>;
  onWithdrawn?: (args: HookArgs<P>) => Promise<void>;
  withdrawableUntil?: WithdrawableUntil;
  /**
   * A request an org files (a plan, a claim for its attendees): besides the admin who filed it, any admin of that
   * org (the subject org) holding this permission may withdraw it.
   */
  withdrawnByOrgWith?: Permission;
  /** The people the request credits besides its applicant: they follow it in their 申报进度查询 but cannot withdraw it. */
  participants?: (payload: P) => string[];
  /**
   * While a request of this kind is open, its participants may file nothing else and nobody may file for them (a
   * transfer: a claim filed meanwhile would go to the employer the person is leaving); a second one is refused too.
   */
  holdsParticipants?: { message: string };
  /** Whether an admin may decide a request they filed themselves (default: no, another admin must). */
  allowSelfReview?: boolean;
  /** The details view; must mask ID numbers and phones (the engine masks any it still finds). */
  present: (payload: P) => ReviewField[];
};

/** A kind as the engine holds it: its payload arrives unparsed, and the kind parses it first (`defineRequestKind`). */
export type RequestKind = RequestKindDefinition<unknown>;
type StoredKind = RequestKind;

const registry = new Map<string, StoredKind>();

/**
 * Wraps a definition so that every hook, the permission rule and the presenter get the payload parsed by the
 * kind's own schema (a stored payload is JSON; the definition's types are what it says).
 */
export const defineRequestKind = <P>(d: RequestKindDefinition<P>): RequestKind => {
  const parse = (payload: unknown) => d.payloadSchema.parse(payload);
  const withRequest = (args: HookArgs<unknown>): HookArgs<P> => ({ ...args, request: { ...args.request, payload: parse(args.request.payload) } });
  const withPayload = (args: KindArgs<unknown>): KindArgs<P> => ({ ...args, payload: parse(args.payload) });
  const hook = (run: ((args: HookArgs<P>) => Promise<void>) | undefined) => run && ((args: HookArgs<unknown>) => run(withRequest(args)));
  const { permission, validate, participants } = d;
  return {
    ...d,
    payloadSchema: d.payloadSchema as z.ZodType<unknown>,
    permission: typeof permission === 'string' ? permission : (step) => permission({ ...step, payload: parse(step.payload) }),
    validate: validate && ((args) => validate(withPayload(args))),
    route: (args) => d.route(withPayload(args)),
    summarize: (args) => d.summarize(withPayload(args)),
    effect: hook(d.effect),
    onRejected: hook(d.onRejected),
    onRevoked: hook(d.onRevoked),
    onWithdrawn: hook(d.onWithdrawn),
    participants: participants && ((payload) => participants(parse(payload))),
    present: (payload) => d.present(parse(payload)),
  };
};

/** The composition root registers every kind at start-up (its one list); a second registration replaces the first. */
export const registerKind = (kind: RequestKind) => {
  registry.set(kind.kind, kind);
};

/** A kind written where it is registered (the tests' own kinds). */
export const registerRequestKind = <P>(definition: RequestKindDefinition<P>) => registerKind(defineRequestKind(definition));

export const findRequestKind = (kind: string): StoredKind | undefined => registry.get(kind);

/** The kind's definition, or a clear refusal: a request of a kind nobody registered is never filed or decided. */
export const unknownKind = (kind: string) => new AppError('INVALID_STATE', `系统不支持该类申请（${kind}），请联系平台运维`);

export const requireRequestKind = (kind: string): StoredKind => {
  const definition = registry.get(kind);
  if (!definition) throw unknownKind(kind);
  return definition;
};

export const listRequestKinds = (): RequestKindDefinition<unknown>[] => [...registry.values()];

export const kindLabel = (kind: string) => registry.get(kind)?.label ?? kind;

export const permissionForStep = <P>(definition: RequestKindDefinition<P>, step: { stepNo: number; stepCount: number; payload: P }) =>
  typeof definition.permission === 'string' ? definition.permission : definition.permission(step);

export const withdrawableUntilOf = (kind: string): WithdrawableUntil => registry.get(kind)?.withdrawableUntil ?? 'firstApproval';
