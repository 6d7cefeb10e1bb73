/**
 * One 继续教育证书 PDF: the render alone (pdfkit with the Noto Serif SC subset and the vector QR code), for a single
 * year and for five merged years; the first render of a process (reading the 15 MB fonts) apart from the rest.
 */
import { pathToFileURL } from 'node:url';
import { renderCertificatePdf } from '../server/src/modules/certificates/certificate.pdf';
import type { CertificateContent } from '../server/src/modules/certificates/certificates.tables';

const RUNS = 30;

const content = (years: number[]): CertificateContent => ({
  provinceName: '河南省',
  name: '欧阳明月',
  idNumberMasked: '41*************12X',
  idLast4: '112X',
  employerName: '郑州市第一人民医院急诊医学科',
  titleSeriesName: '卫生技术',
  titleLevelName: '中级',
  years: years.map((year) => ({ year, public: 30, specialized: 66, total: 96 })),
  totals: { public: 30 * years.length, specialized: 66 * years.length, total: 96 * years.length },
  issuerName: '郑州市人力资源和社会保障局',
});

const meta = {
  serial: '412025Z12R3DKHC0',
  issuedAt: new Date('2026-12-03T10:00:00+08:00'),
  verifyUrl: 'https://jxjy.example.gov.cn/verify?serial=412025Z12R3DKHC0',
};

const measure = async (c: CertificateContent) => {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    size = (await renderCertificatePdf(c, meta)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p95: times[Math.floor(RUNS * 0.95)]!, size };
};

export const run = async (): Promise<string> => {
  const coldStarted = performance.now();
  await renderCertificatePdf(content([2025]), meta);
  const cold = performance.now() - coldStarted;
  const single = await measure(content([2025]));
  const merged = await measure(content([2021, 2022, 2023, 2024, 2025]));
  const row = (what: string, m: Awaited<ReturnType<typeof measure>>) =>
    `| ${what} | ${m.median.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${(m.size / 1024).toFixed(1)} KB |`;
  return [
    '## Certificate PDF',
    '',
    `renderCertificatePdf, ${RUNS} runs each after a first one (${cold.toFixed(0)} ms: the process reads the two 15 MB font files once).`,
    'Bar (issue 11): one certificate under 150 ms and under 100 KB.',
    '',
    '| certificate | median | p95 | size |',
    '| --- | --- | --- | --- |',
    row('one year', single),
    row('five years merged', merged),
  ].join('\n');
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (out) => console.log(out),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
