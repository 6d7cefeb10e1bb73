import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * A streaming reader of an XLSX workbook's first worksheet, for imports of 100,000 rows.
 *
 * Why not exceljs's streaming reader: it decodes each compressed chunk to text on its own, so a Chinese character
 * whose UTF-8 bytes straddle two chunks comes out as "��" (measured: 6 names in 20,000 garbled). Here the zip
 * entries are inflated by zlib and decoded by Node's stream decoder, which carries a split character over.
 */

/** A file that is not a readable workbook (not a zip, no worksheet, or expanding past the limit). */
export class UnreadableWorkbook extends Error {}

/** A cell: text, or a number as Excel stores it (a date is a number of days: see `excelSerialToDate`). */
export type XlsxCell = string | number | null;
export type XlsxRow = { rowNo: number; cells: XlsxCell[] };

/** Past this many bytes of XML one entry is refused: 100,000 filled rows are about 60 MB. */
const MAX_ENTRY_BYTES = 400 * 1024 * 1024;

type Entry = { method: number; compressedSize: number; localOffset: number };

const readEntries = async (file: string) => {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new UnreadableWorkbook('no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const directory = Buffer.alloc(tail.readUInt32LE(end + 12));
    await handle.read(directory, 0, directory.length, tail.readUInt32LE(end + 16));
    const entries = new Map<string, Entry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new UnreadableWorkbook('bad central directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      entries.set(name, {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        localOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    const dataStart = async (entry: Entry) => {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new UnreadableWorkbook('bad local header');
      return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    };
    const starts = new Map<string, number>();
    for (const [name, entry] of entries) starts.set(name, await dataStart(entry));
    return { entries, starts };
  } finally {
    await handle.close();
  }
};

type Zip = Awaited<ReturnType<typeof readEntries>>;

/** An entry's XML as text chunks (whole characters), inflated as it is read. */
async function* entryText(file: string, zip: Zip, name: string) {
  const entry = zip.entries.get(name);
  const start = zip.starts.get(name);
  if (!entry || start === undefined) throw new UnreadableWorkbook(`missing ${name}`);
  if (entry.method !== 0 && entry.method !== 8) throw new UnreadableWorkbook('unsupported compression');
  const raw = createReadStream(file, { start, end: start + Math.max(entry.compressedSize, 1) - 1 });
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  stream.setEncoding('utf8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      bytes += chunk.length;
      if (bytes > MAX_ENTRY_BYTES) throw new UnreadableWorkbook('entry too large');
      yield chunk;
    }
  } catch (error) {
    throw error instanceof UnreadableWorkbook ? error : new UnreadableWorkbook(String(error));
  } finally {
    stream.destroy();
  }
}

/** Feeds an entry to a SAX parser; after each chunk, yields what the handlers collected. */
async function* parse<T>(file: string, zip: Zip, name: string, setup: (parser: SaxesParser, out: T[]) => void) {
  const parser = new SaxesParser();
  const out: T[] = [];
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure = error;
  });
  setup(parser, out);
  for await (const chunk of entryText(file, zip, name)) {
    parser.write(chunk);
    if (failure) throw new UnreadableWorkbook(String(failure));
    if (out.length) yield out.splice(0);
  }
  parser.close();
  if (out.length) yield out.splice(0);
}

const attribute = (tag: SaxesTagPlain, name: string) => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

/** The first worksheet's part name, as the workbook and its relationships give it. */
const firstSheetPath = async (file: string, zip: Zip) => {
  const ids: string[] = [];
  for await (const found of parse<string>(file, zip, 'xl/workbook.xml', (p, out) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'sheet') out.push(attribute(tag, 'r:id') ?? '');
    });
  }))
    ids.push(...found);
  const targets = new Map<string, string>();
  for await (const found of parse<[string, string]>(file, zip, 'xl/_rels/workbook.xml.rels', (p, out) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'Relationship') out.push([attribute(tag, 'Id') ?? '', attribute(tag, 'Target') ?? '']);
    });
  }))
    for (const [id, target] of found) targets.set(id, target);
  const target = targets.get(ids[0] ?? '');
  if (!target) throw new UnreadableWorkbook('no worksheet');
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
};

/** The shared strings, each the text of its runs (phonetic guides left out). */
const sharedStrings = async (file: string, zip: Zip) => {
  if (!zip.entries.has('xl/sharedStrings.xml')) return [];
  const strings: string[] = [];
  let text: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  for await (const found of parse<string>(file, zip, 'xl/sharedStrings.xml', (p, out) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'si') text = [];
      else if (tag.name === 'rPh') phonetic += 1;
      else if (tag.name === 't' && phonetic === 0) inText = true;
    });
    p.on('text', (value) => {
      if (inText && text) text.push(value);
    });
    p.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic -= 1;
      else if (tag.name === 'si') {
        out.push((text ?? []).join(''));
        text = null;
      }
    });
  }))
    strings.push(...found);
  return strings;
};

/** 'A' → 0, 'K' → 10, 'AA' → 26. */
const columnIndex = (ref: string) => {
  let index = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
};

/** The first worksheet's rows in order, as they are read (never the whole sheet in memory). */
export async function* readFirstSheet(file: string): AsyncGenerator<XlsxRow> {
  let zip: Zip;
  try {
    zip = await readEntries(file);
  } catch (error) {
    throw error instanceof UnreadableWorkbook ? error : new UnreadableWorkbook(String(error));
  }
  const strings = await sharedStrings(file, zip);
  const sheet = await firstSheetPath(file, zip);
  let row: XlsxRow | null = null;
  let lastRow = 0;
  let cell: { index: number; type: string; value: string[] } | null = null;
  let capture = false;
  let nextColumn = 0;
  yield* (async function* () {
    for await (const rows of parse<XlsxRow>(file, zip, sheet, (p, out) => {
      p.on('opentag', (tag) => {
        if (tag.name === 'row') {
          lastRow = Number(attribute(tag, 'r') ?? lastRow + 1);
          row = { rowNo: lastRow, cells: [] };
          nextColumn = 0;
        } else if (tag.name === 'c' && row) {
          const ref = attribute(tag, 'r');
          const index = ref ? columnIndex(ref) : nextColumn;
          nextColumn = index + 1;
          cell = { index, type: attribute(tag, 't') ?? 'n', value: [] };
        } else if ((tag.name === 'v' || tag.name === 't') && cell) capture = true;
      });
      p.on('text', (value) => {
        if (capture && cell) cell.value.push(value);
      });
      p.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't') capture = false;
        else if (tag.name === 'c' && cell && row) {
          const text = cell.value.join('');
          const value: XlsxCell =
            cell.type === 's'
              ? (strings[Number(text)] ?? '')
              : cell.type === 'str' || cell.type === 'inlineStr'
                ? text
                : cell.type === 'b'
                  ? text === '1'
                    ? 'TRUE'
                    : 'FALSE'
                  : cell.type === 'e' || text === ''
                    ? null
                    : Number(text);
          row.cells[cell.index] = value;
          cell = null;
        } else if (tag.name === 'row' && row) {
          out.push(row);
          row = null;
        }
      });
    }))
      yield* rows;
  })();
}

/** An Excel date (days since 1899-12-30, the 1900 system) as YYYY-MM-DD. */
export const excelSerialToDate = (serial: number) => new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
