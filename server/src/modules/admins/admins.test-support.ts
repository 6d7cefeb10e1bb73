import type { LoginRole } from '@cep/contracts';
import { createAccount, createPerson, loginAs, type TestOrg, type TestPerson } from '../../test/factories';
import type { TestContext } from '../../test/test-context';

export type TestAdmin = { person: TestPerson; accountId: string; cookie: string; org: TestOrg };

/** A signed-in admin of `org`: its super admin, or an admin holding a new role with `permissions`. */
export const signInAdmin = async (
  t: TestContext,
  org: TestOrg,
  options: { permissions?: string[]; roleName?: string; headers?: Record<string, string> } = {},
): Promise<TestAdmin> => {
  const person = await createPerson(t);
  let roleId: string | null = null;
  if (options.permissions) {
    const role = await t.db
      .insertInto('role')
      .values({ orgId: org.id, name: options.roleName ?? `角色${person.idNumber.slice(-6)}`, permissions: options.permissions })
      .returning('id')
      .executeTakeFirstOrThrow();
    roleId = role.id;
  }
  const account = await createAccount(t, { personId: person.id, kind: 'admin', orgId: org.id, isSuperAdmin: !options.permissions, roleId });
  const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: org.kind as LoginRole }, options.headers);
  return { person, accountId: account.id, cookie, org };
};

/** An `inject` bound to one session cookie. */
export const as = (t: TestContext, cookie: string) => (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

export const auditEvents = async (t: TestContext, event: string) =>
  t.db.selectFrom('auditLog').selectAll().where('event', '=', event).orderBy('id').execute();
