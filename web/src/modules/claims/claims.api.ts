import {
  Claimant,
  ClaimFormsView,
  ClaimQuote,
  ClaimReceipt,
  MyHours,
  type ClaimantLookup,
  type ClaimForPersonInput,
  type ClaimInput,
  type ClaimQuoteInput,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const claimKeys = {
  all: ['claims'] as const,
  forms: ['claims', 'forms'] as const,
  quote: (input: string) => ['claims', 'quote', input] as const,
  hours: ['claims', 'hours'] as const,
};

export const claimsApi = {
  forms: () => apiRequest('/api/claims/forms', { schema: ClaimFormsView }),
  quote: (body: ClaimQuoteInput) => apiRequest('/api/claims/quote', { body, schema: ClaimQuote }),
  submit: (body: ClaimInput) => apiRequest('/api/claims', { body, schema: ClaimReceipt }),
  hours: () => apiRequest('/api/me/hours', { schema: MyHours }),
  claimant: (body: ClaimantLookup) => apiRequest('/api/claims/claimant', { body, schema: Claimant }),
  submitForPerson: (body: ClaimForPersonInput) => apiRequest('/api/claims/for-person', { body, schema: ClaimReceipt }),
};
