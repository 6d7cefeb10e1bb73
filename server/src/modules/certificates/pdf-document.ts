import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** Noto Serif SC (OFL), from its npm package: read once per process, subset into each PDF by pdfkit. */
const fonts = (() => {
  let loaded: { regular: Buffer; bold: Buffer } | undefined;
  return () => {
    loaded ??= {
      regular: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')),
      bold: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf')),
    };
    return loaded;
  };
})();

export const RED = '#a8071a';
export const INK = '#1f1f1f';
export const MUTED = '#595959';

/** An A4 document with the Chinese fonts registered as 'regular' and 'bold'; `draw` fills it, the bytes come back. */
export const renderPdf = (options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { regular, bold } = fonts();
    doc.registerFont('regular', regular);
    doc.registerFont('bold', bold);
    try {
      draw(doc);
    } catch (error) {
      reject(error);
      return;
    }
    doc.end();
  });

/** 2026年12月3日, as the day is in China. */
export const dateText = (d: Date) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const [y, m, dd] = day.split('-');
  return `${y}年${Number(m)}月${Number(dd)}日`;
};
