/** File kinds an upload may be, recognised by their first bytes (the browser's type and the name are not trusted). */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpg' | 'mp4';

export const contentTypeOf: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  mp4: 'video/mp4',
};

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Office files are ZIP archives; the part names (stored uncompressed in the headers) tell Word from Excel. */
const officeKindOf = (bytes: Buffer): FileKind | null => {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('word/')) return 'docx';
  if (head.includes('xl/')) return 'xlsx';
  return null;
};

/** The kind the bytes really are, or null for anything outside the allowed list. */
export const detectFileKind = (bytes: Buffer): FileKind | null => {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKindOf(bytes);
  // ISO base media: a size, then the 'ftyp' box naming the brand (isom, mp41, mp42, avc1…).
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  return null;
};

const extensionsOf: Record<FileKind, string[]> = { pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], png: ['png'], jpg: ['jpg', 'jpeg'], mp4: ['mp4'] };

/** True when the file name's extension agrees with what the bytes are. */
export const extensionMatches = (filename: string, kind: FileKind) => {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return extensionsOf[kind].includes(ext);
};
