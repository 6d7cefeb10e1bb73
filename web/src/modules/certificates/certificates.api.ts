import {
  AnnualCompletion,
  CertificateDetails,
  CertificatePeople,
  CertificateVerification,
  ProrationReceipt,
  type ProrationInput,
} from '@cep/contracts';
import { apiFile, apiRequest } from '../../api/client';

export const certificateKeys = {
  all: ['certificates'] as const,
  completion: ['certificates', 'completion'] as const,
  prorate: (body: ProrationInput) => apiRequest('/api/me/prorations', { body, schema: ProrationReceipt }),
  verify: (serial: string) => ['certificates', 'verify', serial] as const,
  people: (year: number, q: string) => ['certificates', 'people', year, q] as const,
  details: (serial: string) => ['certificates', 'details', serial] as const,
};

type Range = { fromYear: number; toYear: number };
const years = ({ fromYear, toYear }: Range) => (fromYear === toYear ? `${fromYear}` : `${fromYear}-${toYear}`);

export const certificatesApi = {
  completion: () => apiRequest('/api/me/completion', { schema: AnnualCompletion }),
  /** 打印证书: the PDF of a passed year or a merged range, as a local file to open or save. */
  print: (r: Range) => apiFile('/api/me/certificate', { query: r, fallbackName: `继续教育证书_${years(r)}.pdf` }),
  statement: (r: Range) => apiFile('/api/me/hours-statement', { query: r, fallbackName: `学时证明_${years(r)}.pdf` }),
  prorate: (body: ProrationInput) => apiRequest('/api/me/prorations', { body, schema: ProrationReceipt }),
  verify: (serial: string) => apiRequest('/api/certificates/verify', { query: { serial }, schema: CertificateVerification }),
  /** A bureau's 电子证书查询打印 and 学习记录验证 (people in its scope only). */
  people: (year: number, q: string) => apiRequest('/api/certificates/people', { query: { year, q }, schema: CertificatePeople }),
  printFor: (personId: string, r: Range) =>
    apiFile(`/api/certificates/people/${personId}/certificate`, { query: r, fallbackName: `继续教育证书_${years(r)}.pdf` }),
  statementFor: (personId: string, r: Range) =>
    apiFile(`/api/certificates/people/${personId}/hours-statement`, { query: r, fallbackName: `学时证明_${years(r)}.pdf` }),
  details: (serial: string) => apiRequest('/api/certificates/details', { query: { serial }, schema: CertificateDetails }),
};
