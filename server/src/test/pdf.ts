import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';

const run = promisify(execFile);

/** The PDF's text and page count, as a reader would extract them. */
export const pdfText = async (bytes: Buffer) => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text, pages: totalPages };
};

/** Page 1 rendered to PNG by poppler's pdftoppm (as a person sees it), saved to `savePng` when given. */
export const renderFirstPage = async (bytes: Buffer, savePng?: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cep-pdf-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), bytes);
    await run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const png = await readFile(path.join(dir, 'page.png'));
    if (savePng) await writeFile(savePng, png);
    return png;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** The text of the QR code found in a PNG, or null. */
export const decodeQr = (png: Buffer) => {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
};
