/**
 * Bytes of a text export → string. Exports come as UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * Shift_JIS/CP932 from older Windows tools. Binary files are refused instead of being read as garbage.
 */
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932'; replaced: number }
  | { ok: false; reason: string };

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
    // Not valid UTF-8: Japanese exports that are not UTF-8 are Shift_JIS (CP932 adds the NEC/IBM
    // extensions such as ①). iconv-lite decodes what it can and puts U+FFFD for the rest.
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.length), 'cp932');
    return { ok: true, text, encoding: 'cp932', replaced: countReplacements(text) };
  }
}
