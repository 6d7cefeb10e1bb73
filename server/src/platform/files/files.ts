import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cleanText } from '@cep/contracts';
import { AppError } from '../errors/app-error';
import { contentTypeOf, detectFileKind, extensionMatches, type FileKind } from './file-types';

const kindLabels: Record<FileKind, string> = { pdf: 'PDF', docx: 'Word(docx)', xlsx: 'Excel(xlsx)', png: 'PNG', jpg: 'JPG' };

export type StoredFile = { storedName: string; filename: string; contentType: string; size: number; sha256: string; kind: FileKind };

export const filesDir = (dataDir: string) => path.join(dataDir, 'files');

/** Keeps a readable, harmless display name: no path parts, no control, invisible or unpaired characters. */
export const cleanFilename = (name: string) => {
  const base = path
    .basename(cleanText(name).replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f"<>|:*?]|[\uD800-\uDFFF]/gu, '_')
    .trim();
  const chars = Array.from(base || 'file');
  if (chars.length <= 120) return chars.join('');
  // A long name is shortened in its stem: the extension says what the file is and must survive.
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return Array.from(base.slice(0, base.length - ext.length))
    .slice(0, 120 - ext.length)
    .join('')
    .concat(ext);
};

/**
 * Checks an upload (allowed kinds by magic bytes, the extension must agree, at most `maxBytes`) and
 * writes it under a random name in `<dataDir>/files/`. Refusals are clear Chinese errors; nothing is written.
 */
export const storeUpload = async (input: {
  dataDir: string;
  filename: string;
  bytes: Buffer;
  maxBytes: number;
  allowed: FileKind[];
}): Promise<StoredFile> => {
  if (input.bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空，请重新选择');
  if (input.bytes.length > input.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过${Math.floor(input.maxBytes / 1024 / 1024)}MB`);
  }
  const filename = cleanFilename(input.filename);
  const kind = detectFileKind(input.bytes);
  if (!kind || !input.allowed.includes(kind) || !extensionMatches(filename, kind)) {
    throw new AppError('VALIDATION_FAILED', `仅支持上传 ${input.allowed.map((k) => kindLabels[k]).join('、')} 格式的文件`);
  }
  const storedName = randomBytes(16).toString('hex');
  await mkdir(filesDir(input.dataDir), { recursive: true });
  await writeFile(path.join(filesDir(input.dataDir), storedName), input.bytes, { flag: 'wx' });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return { storedName, filename, contentType: contentTypeOf[kind], size: input.bytes.length, sha256, kind };
};

export const removeStored = async (dataDir: string, storedName: string) => {
  await rm(path.join(filesDir(dataDir), path.basename(storedName)), { force: true });
};

/** Sends a stored file as a download: attachment disposition (RFC 5987 name), its checked type, nosniff. */
export const sendStored = async (reply: FastifyReply, dataDir: string, input: Pick<StoredFile, 'storedName' | 'filename' | 'contentType'>) => {
  const file = path.join(filesDir(dataDir), path.basename(input.storedName));
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError('NOT_FOUND', '文件不存在');
  const ascii = input.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('Content-Type', input.contentType)
    .header('Content-Length', String(info.size))
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(input.filename)}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(createReadStream(file));
};

/** Reads a request's one uploaded file (@fastify/multipart); a file over the route's limit is refused with the limit. */
export const readUpload = async (req: FastifyRequest, maxBytes: number) => {
  const file = await req.file().catch(() => undefined);
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
  try {
    return { filename: file.filename, bytes: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过${Math.floor(maxBytes / 1024 / 1024)}MB`);
    }
    throw error;
  }
};
