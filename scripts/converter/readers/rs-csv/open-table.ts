/**
 * Opens one RS table file as a stream of text chunks: a plain CSV, or the single CSV inside a published
 * zip (streamed through fflate's Unzip, never inflated whole). Files are UTF-8 with BOM as published;
 * a file without BOM that does not start as valid UTF-8 is read as Shift_JIS (cp932), which earlier RS
 * downloads used. Bad bytes further into a UTF-8 file cost only the rows that hold them (DecodeInfo.invalidAt).
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import iconv from 'iconv-lite';

/** A problem with the file as a whole (not a zip, corrupt, no CSV inside). */
export class FileError extends Error {}

const CHUNK = 64 * 1024;

async function* fileBytes(abs: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(abs, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

export interface ZipInfo {
  /** Name of the CSV entry read. */
  entry: string | null;
  /** Other entries, ignored. */
  ignored: string[];
}

/**
 * The bytes of the first `.csv` entry of a zip, as they inflate. Throws FileError when the file is not a
 * zip, is truncated or corrupt, or holds no CSV.
 */
export async function* zipCsvBytes(abs: string, info: ZipInfo): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: string | null = null;
  let started = false;
  let finished = false;
  let sawHeader = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    if (started || !/\.csv$/i.test(file.name)) {
      if (!file.name.endsWith('/')) info.ignored.push(file.name);
      return;
    }
    started = true;
    info.entry = file.name;
    file.ondata = (err, data, final) => {
      if (err) failure = `the entry "${file.name}" cannot be inflated (${err.message})`;
      else if (data.length > 0) queue.push(data);
      if (final) finished = true;
    };
    try {
      file.start();
    } catch (e) {
      failure = `the entry "${file.name}" uses an unsupported compression (${(e as Error).message})`;
    }
  };
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      unzip.push(chunk, final);
    } catch (e) {
      failure ??= `corrupt zip data (${(e as Error).message})`;
    }
  };
  for await (const chunk of fileBytes(abs)) {
    if (!sawHeader) {
      // Every zip starts with a local file header "PK\x03\x04" (or "PK\x05\x06" when empty).
      if (chunk.length < 4 || chunk[0] !== 0x50 || chunk[1] !== 0x4b) throw new FileError('not a zip file');
      sawHeader = true;
    }
    push(chunk, false);
    if (failure) throw new FileError(failure);
    while (queue.length > 0) yield queue.shift()!;
    if (finished) break;
  }
  if (!sawHeader) throw new FileError('empty file, not a zip');
  if (!finished) push(new Uint8Array(0), true);
  if (failure) throw new FileError(failure);
  while (queue.length > 0) yield queue.shift()!;
  if (!started) throw new FileError('the zip holds no .csv file');
  if (!finished) throw new FileError(`the zip is truncated: the entry "${info.entry}" is incomplete`);
}

export function csvBytes(abs: string): AsyncGenerator<Uint8Array> {
  return fileBytes(abs);
}

export interface DecodeInfo {
  encoding: 'utf-8' | 'cp932' | null;
  /**
   * Offsets in the decoded text (UTF-16 code units, BOM excluded) of bytes that were not valid UTF-8 and
   * were read as U+FFFD, in increasing order: the table reader turns each into a problem of the row that
   * holds it, so one damaged row costs its project, not the whole table.
   */
  invalidAt: number[];
}

/** Where the bytes can be cut without splitting a UTF-8 character: before an incomplete last character. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead byte
    if (b < 0xc0) return n; // ASCII (or a stray byte the decoder reports): complete
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return n - i < size ? i : n;
  }
  return n;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes bytes that are not all valid UTF-8 line by line (LF never occurs inside a UTF-8 character): valid
 * lines as they are, a damaged line with U+FFFD for its bad bytes and its offset noted in `invalidAt`.
 */
function decodeDamaged(bytes: Uint8Array, offset: number, invalidAt: number[]): string {
  let out = '';
  let from = 0;
  while (from < bytes.length) {
    const lf = bytes.indexOf(10, from);
    const to = lf === -1 ? bytes.length : lf + 1;
    const line = bytes.subarray(from, to);
    try {
      out += fatalUtf8.decode(line);
    } catch {
      const text = lossyUtf8.decode(line);
      invalidAt.push(offset + out.length + Math.max(0, text.indexOf('\uFFFD')));
      out += text;
    }
    from = to;
  }
  return out;
}

/**
 * Decodes bytes to text: UTF-8 (BOM removed), or cp932 when the start is not UTF-8 and has no BOM. Bytes
 * that are not UTF-8 later in a UTF-8 file are read as U+FFFD and noted in `info.invalidAt`.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, info: DecodeInfo): AsyncGenerator<string> {
  /** Bytes held back: an incomplete last character, or a start too short to tell the BOM. */
  let carry: Uint8Array = new Uint8Array(0);
  /** Code units of text yielded so far. */
  let offset = 0;
  let sjis: ReturnType<typeof iconv.getDecoder> | null = null;
  const utf8 = (chunk: Uint8Array, final: boolean): string => {
    const cut = final ? chunk.length : completeLength(chunk);
    carry = chunk.slice(cut);
    const body = chunk.subarray(0, cut);
    let s: string;
    try {
      s = fatalUtf8.decode(body);
    } catch {
      s = decodeDamaged(body, offset, info.invalidAt);
    }
    offset += s.length;
    return s;
  };
  for await (const raw of bytes) {
    if (sjis !== null) {
      const s = sjis.write(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
      if (s) yield s;
      continue;
    }
    let chunk: Uint8Array = carry.length > 0 ? Buffer.concat([carry, raw]) : raw;
    if (info.encoding === null) {
      if (chunk.length < 3) {
        carry = chunk;
        continue;
      }
      const hasBom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (hasBom) chunk = chunk.subarray(3);
      else if (!isUtf8(chunk.subarray(0, completeLength(chunk)))) {
        info.encoding = 'cp932';
        sjis = iconv.getDecoder('cp932');
        carry = new Uint8Array(0);
        const s = sjis.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (s) yield s;
        continue;
      }
      info.encoding = 'utf-8';
    }
    const s = utf8(chunk, false);
    if (s) yield s;
  }
  if (sjis !== null) {
    const rest = sjis.end();
    if (rest) yield rest;
    return;
  }
  if (carry.length === 0) return;
  if (info.encoding === null) {
    // A file of one or two bytes.
    info.encoding = 'utf-8';
  }
  // Whatever is left is a character the file ends inside (or the whole of a tiny file).
  const rest = utf8(carry, true);
  if (rest) yield rest;
}
