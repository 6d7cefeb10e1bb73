import { AnnualCompletion } from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const certificateKeys = {
  all: ['certificates'] as const,
  completion: ['certificates', 'completion'] as const,
};

export const certificatesApi = {
  completion: () => apiRequest('/api/me/completion', { schema: AnnualCompletion }),
};
