import {
  EmployerChoices,
  ProfileOptions,
  RegistrationLookupResult,
  RegistrationReceipt,
  RegistrationWithdrawResult,
  SuperiorChoices,
  type RegistrationKind,
  type RegistrationLookupInput,
  type RegistrationWithdrawInput,
  type SuperiorKind,
  type SuperiorQuery,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const registrationKeys = {
  options: ['profile', 'options'] as const,
  employers: (keyword: string) => ['registration', 'employers', keyword] as const,
  superiors: (kinds: SuperiorKind[], regionCode: string | undefined, keyword: string) =>
    ['registration', 'superiors', kinds, regionCode, keyword] as const,
  peerBureau: (regionCode: string | undefined) => ['registration', 'peerBureau', regionCode] as const,
};

/** The public registration endpoints and the profile's option lists, typed by the shared contracts. */
export const registrationApi = {
  options: () => apiRequest('/api/profile/options', { schema: ProfileOptions }),
  register: (kind: RegistrationKind, body: unknown) => apiRequest(`/api/registrations/${kind}`, { body, schema: RegistrationReceipt }),
  employers: (keyword: string) => apiRequest('/api/registrations/employers', { query: { keyword }, schema: EmployerChoices }),
  superiors: (query: SuperiorQuery) => apiRequest('/api/registrations/superiors', { query, schema: SuperiorChoices }),
  lookup: (input: RegistrationLookupInput) => apiRequest('/api/registrations/lookup', { body: input, schema: RegistrationLookupResult }),
  withdraw: (input: RegistrationWithdrawInput) =>
    apiRequest('/api/registrations/lookup/withdraw', { body: input, schema: RegistrationWithdrawResult }),
};
