import { AnnualCompletion, CertificateVerification } from '@cep/contracts';
import { apiFile, apiRequest } from '../../api/client';

export const certificateKeys = {
  all: ['certificates'] as const,
  completion: ['certificates', 'completion'] as const,
  verify: (serial: string) => ['certificates', 'verify', serial] as const,
};

export const certificatesApi = {
  completion: () => apiRequest('/api/me/completion', { schema: AnnualCompletion }),
  /** 打印证书: the PDF of a passed year or a merged range, as a local file to open or save. */
  print: (fromYear: number, toYear: number) =>
    apiFile('/api/me/certificate', { query: { fromYear, toYear }, fallbackName: `继续教育证书_${fromYear}-${toYear}.pdf` }),
  verify: (serial: string) => apiRequest('/api/certificates/verify', { query: { serial }, schema: CertificateVerification }),
};
