import { z } from 'zod';
import { registrationKindLabels, registrationRequestKinds, ReviewField, RegistrationKind } from '@cep/contracts';
import { defineRequestKind, type HookArgs, type RequestKindDefinition } from '../reviews';
import { moveAccount } from '../people';
import { settleOrg } from '../organizations';
import { reviewPermissionOf } from './registration.policy';

/**
 * What a registration request carries: the rows it created (org for org kinds, the pending account),
 * the reviewer it was routed to, and its details as reviewers see them (already masked).
 */
export const RegistrationPayload = z.object({
  role: RegistrationKind,
  personId: z.string(),
  accountId: z.string(),
  /** The new org of an org registration; null for a professional. */
  orgId: z.string().nullable(),
  /** The org the request sits under: the new org, or the professional's employer. */
  subjectOrgId: z.string(),
  superiorId: z.string(),
  title: z.string(),
  searchText: z.string(),
  fields: z.array(ReviewField),
});
export type RegistrationPayload = z.infer<typeof RegistrationPayload>;

const settle =
  (status: 'active' | 'rejected' | 'withdrawn') =>
  async ({ tx, ctx, request }: HookArgs<RegistrationPayload>) => {
    if (request.payload.orgId) await settleOrg(tx, request.payload.orgId, status, ctx.clock.now());
    await moveAccount(tx, request.payload.accountId, 'pending', status);
  };

/** One request kind per role: reviewed by the one superior chosen at registration. */
export const registrationKindDefinition = (role: RegistrationKind): RequestKindDefinition<RegistrationPayload> => ({
  kind: registrationRequestKinds[role],
  label: registrationKindLabels[role],
  permission: reviewPermissionOf[role],
  payloadSchema: RegistrationPayload,
  route: async ({ payload }) => [payload.superiorId],
  summarize: async ({ payload }) => ({ title: payload.title, subjectOrgId: payload.subjectOrgId, searchText: payload.searchText }),
  effect: settle('active'),
  onRejected: settle('rejected'),
  onWithdrawn: settle('withdrawn'),
  withdrawableUntil: 'final',
  present: (payload) => payload.fields,
});

/** The four registration kinds, for the composition root's list. */
export const registrationKindDefinitions = RegistrationKind.options.map((role) => defineRequestKind(registrationKindDefinition(role)));

export const registrationKinds = Object.values(registrationRequestKinds);
export const roleOfKind = (kind: string): RegistrationKind | undefined =>
  RegistrationKind.options.find((role) => registrationRequestKinds[role] === kind);
