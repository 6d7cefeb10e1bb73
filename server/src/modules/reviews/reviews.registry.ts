import type { z } from 'zod';
import type { ReviewField } from '@cep/contracts';
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
  permission: string | ((step: { stepNo: number; stepCount: number; payload: P }) => string);
  payloadSchema: z.ZodType<P>;
  /** Business rules beyond the schema; throws AppError. */
  validate?: (args: KindArgs<P>) => Promise<void>;
  /** The ordered reviewer org ids; levels that do not exist are left out by the definition. */
  route: (args: KindArgs<P>) => Promise<string[]>;
  summarize: (args: KindArgs<P>) => Promise<RequestSummary>;
  /** What final approval does, in the same transaction as the decision. */
  effect?: (args: HookArgs<P>) => Promise<void>;
  onRejected?: (args: HookArgs<P>) => Promise<void>;
  onWithdrawn?: (args: HookArgs<P>) => Promise<void>;
  withdrawableUntil?: WithdrawableUntil;
  /** Whether an admin may decide a request they filed themselves (default: no, another admin must). */
  allowSelfReview?: boolean;
  /** The details view; must mask ID numbers and phones (the engine masks any it still finds). */
  present: (payload: P) => ReviewField[];
};

const registry = new Map<string, RequestKindDefinition<any>>();

/** Domains register their kinds at module load; tests register their own. Registering a kind twice replaces it. */
export const registerRequestKind = <P>(definition: RequestKindDefinition<P>) => {
  registry.set(definition.kind, definition);
};

export const findRequestKind = (kind: string): RequestKindDefinition<unknown> | undefined => registry.get(kind);

export const requireRequestKind = (kind: string): RequestKindDefinition<unknown> => {
  const definition = registry.get(kind);
  if (!definition) throw new Error(`unknown request kind: ${kind}`);
  return definition;
};

export const listRequestKinds = (): RequestKindDefinition<unknown>[] => [...registry.values()];

export const kindLabel = (kind: string) => registry.get(kind)?.label ?? kind;

export const permissionForStep = <P>(definition: RequestKindDefinition<P>, step: { stepNo: number; stepCount: number; payload: P }) =>
  typeof definition.permission === 'string' ? definition.permission : definition.permission(step);

export const withdrawableUntilOf = (kind: string): WithdrawableUntil => registry.get(kind)?.withdrawableUntil ?? 'firstApproval';
