/**
 * Bytes of a text export → string. Exports come as UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * Shift_JIS/CP932 from older Windows tools. Binary files are refused instead of being read as garbage.
 */
import iconv from 'iconv-lite';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932';
      replaced: number;
      /** UTF-8 text with bytes that are not UTF-8: where the first one is (replaced by U+FFFD). */
      invalidUtf8At?: { offset: number; line: number };
    }
  | { ok: false; reason: string };

/** UTF-8 characters (of 2–4 bytes) before the first invalid byte that make a file UTF-8, not Shift_JIS:
 *  Shift_JIS text runs into an invalid UTF-8 sequence within a few characters. */
const UTF8_EVIDENCE = 16;

/**
 * How far `buf` is valid UTF-8: the offset of the first byte that is not (or `buf.length`), how many
 * multi-byte characters come before it, and whether the invalid part is only a character cut at the end.
 */
export function utf8Prefix(buf: Uint8Array): { validUpTo: number; multibyte: number; cutAtEnd: boolean } {
  let i = 0;
  let multibyte = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return { validUpTo: i, multibyte, cutAtEnd: false };
    let k = 1;
    while (k < n && i + k < buf.length && (buf[i + k]! & 0xc0) === 0x80) k++;
    if (k < n) return { validUpTo: i, multibyte, cutAtEnd: i + k === buf.length };
    multibyte++;
    i += n;
  }
  return { validUpTo: buf.length, multibyte, cutAtEnd: false };
}

function lineAt(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 10) line++;
  return line;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function countReplacements(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\ufffd') n++;
  return n;
}

export function decodeSheetBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'the file is empty' };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(buf.subarray(3));
    return { ok: true, text, encoding: 'utf-8', replaced: countReplacements(text) };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(buf.subarray(2));
    return { ok: true, text, encoding: 'utf-16le', replaced: countReplacements(text) };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(buf.subarray(2));
    return { ok: true, text, encoding: 'utf-16be', replaced: countReplacements(text) };
  }
  // Text in any of the accepted encodings (without a UTF-16 BOM) has no NUL bytes.
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: `binary data, not a text export (NUL byte at offset ${nul}; UTF-16 files need a byte order mark)` };
  }
  try {
    return { ok: true, text: utf8.decode(buf), encoding: 'utf-8', replaced: 0 };
  } catch {
    const prefix = utf8Prefix(buf);
    if (prefix.multibyte >= UTF8_EVIDENCE) {
      // UTF-8 up to a point: a file cut in the middle of a character is incomplete; other bad bytes in
      // UTF-8 text are replaced and named, not taken as a sign of Shift_JIS (which would garble it all).
      if (prefix.cutAtEnd) {
        return {
          ok: false,
          reason: `the file is UTF-8 and ends in the middle of a character (byte ${prefix.validUpTo} of ${buf.length}, line ${lineAt(buf, prefix.validUpTo)}): it is cut off`,
        };
      }
      const text = new TextDecoder('utf-8').decode(buf);
      return { ok: true, text, encoding: 'utf-8', replaced: countReplacements(text), invalidUtf8At: { offset: prefix.validUpTo, line: lineAt(buf, prefix.validUpTo) } };
    }
    // Not valid UTF-8: Japanese exports that are not UTF-8 are Shift_JIS (CP932 adds the NEC/IBM
    // extensions such as ①). iconv-lite decodes what it can and puts U+FFFD for the rest.
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.length), 'cp932');
    return { ok: true, text, encoding: 'cp932', replaced: countReplacements(text) };
  }
}
