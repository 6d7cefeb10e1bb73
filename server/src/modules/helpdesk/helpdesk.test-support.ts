import type { LoginRole } from '@cep/contracts';
import { createAccount, createOrg, createPerson, findBureau, loginAs } from '../../test/factories';
import type { TestContext } from '../../test/test-context';

/** Signs in a new person as super admin of `orgId` (or as a professional of it); returns the cookie and ids. */
export const signInAt = async (t: TestContext, input: { orgId: string; role: LoginRole; professional?: boolean; name?: string }) => {
  const person = await createPerson(t, { name: input.name });
  const kind = input.professional ? 'professional' : 'admin';
  await createAccount(t, { personId: person.id, kind, orgId: input.orgId, isSuperAdmin: !input.professional });
  const cookie = await loginAs(t, { idNumber: person.idNumber, password: person.password, role: input.role });
  return { cookie, person };
};

export const platformOrgId = async (t: TestContext) =>
  (await t.db.selectFrom('org').select('id').where('kind', '=', 'platform').executeTakeFirstOrThrow()).id;

export const signInSupport = async (t: TestContext) => signInAt(t, { orgId: await platformOrgId(t), role: 'platform', name: '客服小王' });

export const signInBureau = async (t: TestContext, regionCode: string) =>
  signInAt(t, { orgId: (await findBureau(t, regionCode)).id, role: 'hrBureau' });

export const signInProfessional = async (t: TestContext) => {
  const employer = await createOrg(t, { kind: 'employer' });
  return signInAt(t, { orgId: employer.id, role: 'professional', professional: true });
};

export const signInEmployer = async (t: TestContext) => {
  const employer = await createOrg(t, { kind: 'employer' });
  return signInAt(t, { orgId: employer.id, role: 'employer' });
};
