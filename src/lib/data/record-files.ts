/**
 * The bulk record files and the per-sheet pointers of one build (formats: src/lib/data/sheet-data-files.ts).
 * A pointer names its record's byte range, known only once its whole file is packed, so each file is
 * packed once (compressing twice would cost ≈ 2 s more CPU a 10,000 sheets) and kept until its own bytes
 * and all its sheets' pointers are written: its bytes are dropped once written, its places once its last
 * pointer is. Astro writes the bulk files before the pointers, so the bytes are never all held at once.
 */
import { allListings, sheetJsonById } from './collection.ts';
import { packRecords, recordFiles, type PackedRecords, type RecordFile, type RecordPlace } from './sheet-data-files.ts';

let filesPromise: Promise<{ files: RecordFile[]; fileOfSheet: Map<string, RecordFile> }> | null = null;

async function index() {
  filesPromise ??= allListings().then((listings) => {
    const files = recordFiles(listings);
    const fileOfSheet = new Map<string, RecordFile>();
    for (const f of files) for (const id of f.ids) fileOfSheet.set(id, f);
    return { files, fileOfSheet };
  });
  return filesPromise;
}

/** Every bulk file (for the routes of the files and of /data/records.json). */
export async function allRecordFiles(): Promise<RecordFile[]> {
  // In `astro dev` the sheets may change between requests: list them again.
  if (import.meta.env.DEV) filesPromise = null;
  return (await index()).files;
}

/** Packed files not yet fully used, and how many uses each has left (its pointers + its own bytes). */
const packed = new Map<string, { pending: Promise<{ bytes: Buffer | null; places: PackedRecords['places'] }>; usesLeft: number }>();

async function pack(file: RecordFile): Promise<PackedRecords> {
  const records = [];
  for (const id of file.ids) {
    const json = await sheetJsonById(id);
    records.push({ id, line: typeof json === 'string' ? Buffer.from(json) : json });
  }
  return await packRecords(records);
}

/** Takes one use of a packed file; the last use drops it. */
async function use(file: RecordFile): Promise<{ bytes: Buffer | null; places: PackedRecords['places'] }> {
  let p = packed.get(file.name);
  if (!p) packed.set(file.name, (p = { pending: pack(file), usesLeft: file.ids.length + 1 }));
  p.usesLeft -= 1;
  if (p.usesLeft <= 0 || import.meta.env.DEV) packed.delete(file.name);
  return p.pending;
}

/** A bulk file's bytes (once a build: they are dropped here). */
export async function recordFileBytes(file: RecordFile): Promise<Buffer> {
  const packedFile = await use(file);
  const { bytes } = packedFile;
  if (!bytes) throw new Error(`${file.name}: its bytes were already written`);
  packedFile.bytes = null;
  return bytes;
}

/** The file of a sheet's record and where the record is in it. */
export async function recordPlace(id: string): Promise<{ file: RecordFile; place: RecordPlace }> {
  if (import.meta.env.DEV) filesPromise = null;
  const file = (await index()).fileOfSheet.get(id);
  if (!file) throw new Error(`${id}: no such sheet`);
  const place = (await use(file)).places.get(id);
  if (!place) throw new Error(`${id}: not packed in ${file.name}`);
  return { file, place };
}
