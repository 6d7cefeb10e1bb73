import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cleanText } from '@cep/contracts';
import { AppError } from '../errors/app-error';
import { contentTypeOf, detectFileKind, extensionMatches, type FileKind } from './file-types';

const kindLabels: Record<FileKind, string> = { pdf: 'PDF', docx: 'Word(docx)', xlsx: 'Excel(xlsx)', png: 'PNG', jpg: 'JPG', mp4: 'MP4' };

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

const megabytes = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)}MB`;

/**
 * Streams one upload to disk (never all of it in memory: a training video may be 100 MB) and then checks it as
 * `storeUpload` does, each kind against its own size limit (`limits`); a refused file is removed before the error.
 */
export const storeUploadStream = async (input: {
  dataDir: string;
  filename: string;
  stream: Readable & { truncated?: boolean };
  limits: Partial<Record<FileKind, number>>;
}): Promise<StoredFile> => {
  const allowed = Object.keys(input.limits) as FileKind[];
  const filename = cleanFilename(input.filename);
  const storedName = randomBytes(16).toString('hex');
  await mkdir(filesDir(input.dataDir), { recursive: true });
  const target = path.join(filesDir(input.dataDir), storedName);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (size < 64 * 1024) head.push(chunk.subarray(0, 64 * 1024 - size));
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const refuse = async (error: AppError) => {
    await rm(target, { force: true });
    return error;
  };
  await pipeline(input.stream, measure, createWriteStream(target, { flags: 'wx' }));
  const largest = Math.max(...Object.values(input.limits));
  if (input.stream.truncated) throw await refuse(new AppError('PAYLOAD_TOO_LARGE', `文件不能超过${megabytes(largest)}`));
  if (size === 0) throw await refuse(new AppError('VALIDATION_FAILED', '文件为空，请重新选择'));
  const kind = detectFileKind(Buffer.concat(head));
  if (!kind || !allowed.includes(kind) || !extensionMatches(filename, kind)) {
    throw await refuse(new AppError('VALIDATION_FAILED', `仅支持上传 ${allowed.map((k) => kindLabels[k]).join('、')} 格式的文件`));
  }
  const limit = input.limits[kind]!;
  if (size > limit) throw await refuse(new AppError('PAYLOAD_TOO_LARGE', `${kindLabels[kind]}文件不能超过${megabytes(limit)}`));
  return { storedName, filename, contentType: contentTypeOf[kind], size, sha256: hash.digest('hex'), kind };
};

/** A request's one uploaded file as a stream (@fastify/multipart), for `storeUploadStream`. */
export const readUploadStream = async (req: FastifyRequest) => {
  const file = await req.file().catch(() => undefined);
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
  return { filename: file.filename, stream: file.file };
};

export const removeStored = async (dataDir: string, storedName: string) => {
  await rm(path.join(filesDir(dataDir), path.basename(storedName)), { force: true });
};

/** A download's headers: its checked type and size, the name (RFC 5987), nosniff, not cached. */
const downloadHeaders = (reply: FastifyReply, input: { filename: string; contentType: string; size: number; inline?: boolean }) => {
  const ascii = input.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = input.inline ? 'inline' : 'attachment';
  return reply
    .header('Content-Type', input.contentType)
    .header('Content-Length', String(input.size))
    .header('Content-Disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(input.filename)}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
};

/** Sends a stored file as a download. */
export const sendStored = async (reply: FastifyReply, dataDir: string, input: Pick<StoredFile, 'storedName' | 'filename' | 'contentType'>) => {
  const file = path.join(filesDir(dataDir), path.basename(input.storedName));
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError('NOT_FOUND', '文件不存在');
  return downloadHeaders(reply, { ...input, size: info.size }).send(createReadStream(file));
};

/** Sends a document made for this request (a certificate PDF), shown in the browser's viewer when `inline`. */
export const sendGenerated = (reply: FastifyReply, input: { filename: string; contentType: string; bytes: Buffer; inline?: boolean }) =>
  downloadHeaders(reply, { ...input, size: input.bytes.length }).send(input.bytes);

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
