import { PeopleImport, PeopleImportList } from '@cep/contracts';
import { apiRequest, fileForm } from '../../api/client';

export const IMPORT_TEMPLATE_URL = '/api/people-imports/template';
export const importFailuresUrl = (id: string) => `/api/people-imports/${id}/failures`;

export const importKeys = {
  all: ['people-imports'] as const,
  list: ['people-imports', 'list'] as const,
};

export const importApi = {
  list: () => apiRequest('/api/people-imports', { schema: PeopleImportList }),
  start: (input: { employerId: string; file: File }) =>
    apiRequest(`/api/people-imports?employerId=${encodeURIComponent(input.employerId)}`, { body: fileForm(input.file), schema: PeopleImport }),
};
