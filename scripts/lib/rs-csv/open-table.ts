/**
 * Opens one RS table file as a stream of text chunks: a plain CSV, or the single CSV inside a published
 * zip (streamed through fflate's Unzip, never inflated whole). Files are UTF-8 with BOM as published;
 * a file without BOM that is not valid UTF-8 is read as Shift_JIS (cp932), which earlier RS downloads used.
 */
import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import iconv from 'iconv-lite';

/** A problem with the file as a whole (not a zip, corrupt, no CSV inside, bad encoding). */
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
}

/** Decodes bytes to text: UTF-8 (BOM removed), or cp932 when the start is not UTF-8 and has no BOM. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, info: DecodeInfo): AsyncGenerator<string> {
  let decode: ((chunk: Uint8Array) => string) | null = null;
  let finish: () => string = () => '';
  let offset = 0;
  for await (const raw of bytes) {
    let chunk = raw;
    if (decode === null) {
      const hasBom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (hasBom) chunk = chunk.subarray(3);
      const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      let first: string | null = null;
      try {
        first = utf8.decode(chunk, { stream: true });
      } catch {
        if (hasBom) throw new FileError('invalid UTF-8 near the start of the file');
      }
      if (first !== null) {
        info.encoding = 'utf-8';
        decode = (c) => {
          try {
            return utf8.decode(c, { stream: true });
          } catch {
            throw new FileError(`invalid UTF-8 after byte ${offset}`);
          }
        };
        finish = () => {
          try {
            return utf8.decode();
          } catch {
            throw new FileError('the file ends inside a UTF-8 character');
          }
        };
        offset += raw.length;
        if (first) yield first;
        continue;
      }
      info.encoding = 'cp932';
      const sjis = iconv.getDecoder('cp932');
      decode = (c) => sjis.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      finish = () => sjis.end() ?? '';
    }
    const s = decode(chunk);
    offset += raw.length;
    if (s) yield s;
  }
  const rest = finish();
  if (rest) yield rest;
}
