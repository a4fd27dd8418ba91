/**
 * Cuts the RS golden case's input from the shipped RS tables: every table of sheets/rs2024/, kept byte for
 * byte (header and the rows of the chosen 予算事業ID, in file order), into tests/golden/rs/input/rs2024/.
 * Run once when the case's projects change (the input is committed; update.ts never re-cuts it):
 *
 *   . scripts/node22.sh && node tests/golden/cut-rs.ts 432 2620
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FROM = path.resolve('sheets/rs2024');
const TO = path.resolve('tests/golden/rs/input/rs2024');
const ids = new Set(process.argv.slice(2));
if (ids.size === 0) throw new Error('usage: node tests/golden/cut-rs.ts <予算事業ID>…');

/** The file's records as written: split at line ends outside quotes (a quoted cell may hold newlines). */
function records(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

rmSync(TO, { recursive: true, force: true });
mkdirSync(TO, { recursive: true });
for (const file of readdirSync(FROM).filter((f) => f.endsWith('.csv')).sort()) {
  const [header, ...rows] = records(readFileSync(path.join(FROM, file), 'utf8'));
  // 予算事業ID is the third column of every RS table; the first two (シート種別, 事業年度) are never quoted.
  if (!header!.replace(/^\uFEFF/, '').startsWith('シート種別,事業年度,予算事業ID,')) throw new Error(`${file}: unexpected header`);
  const kept = rows.filter((r) => ids.has(r.split(',', 3)[2]!));
  writeFileSync(path.join(TO, file), header + kept.join(''));
  console.log(`${file}: ${kept.length} rows`);
}
