import { maskIdNumber, type LoginRole, type OrgKind, type SessionInfo } from '@cep/contracts';
import type { AppContext } from '../../platform/context';

export type SessionView = {
  person: { id: string; name: string; idNumber: string };
  account: {
    accountId: string;
    kind: 'professional' | 'admin';
    role: LoginRole;
    orgId: string;
    orgName: string;
    orgKind: OrgKind;
    isSuperAdmin: boolean;
  };
  permissions: Iterable<string>;
  mustChangePassword: boolean;
  mfaStep: 'verify' | 'enroll' | null;
};

export const presentSession = (ctx: AppContext, view: SessionView): SessionInfo => ({
  person: { personId: view.person.id, name: view.person.name, idNumberMasked: maskIdNumber(view.person.idNumber) },
  account: view.account,
  permissions: view.mfaStep ? [] : [...view.permissions].sort(),
  mustChangePassword: view.mustChangePassword,
  mfaStep: view.mfaStep,
  idleTimeoutSeconds: ctx.config.session.idleMinutes * 60,
});
