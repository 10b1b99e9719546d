// The metadata index: `keys.json` in the data directory, holding every non-secret fact about keys and
// aliases (and the journal of unfinished keychain changes). Written atomically under a cross-process
// lock; read without a lock (a rename is atomic, so a reader sees one whole version).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { QkmsError } from '../../shared/errors';
import { removeLeftoverTempFiles, writeFileAtomic } from './atomic-file';
import { fsReadTrouble, writing } from './fs-errors';
import { DEFAULT_LOCK_TIMEOUT_MS, withFileLock } from './index-lock';
import { indexProblem } from './index-validation';
import type { StoredIndexDocument } from './types';

export const INDEX_FILE_NAME = 'keys.json';

export interface MetadataIndexOptions {
  dataDir: string;
  /** Bound on waiting for another process's write (default 20 s). */
  lockTimeoutMs?: number;
}

/** Reading and writing inside one hold of the lock. */
export interface IndexTransaction {
  read(): Promise<StoredIndexDocument>;
  write(doc: StoredIndexDocument): Promise<void>;
}

export function emptyIndex(): StoredIndexDocument {
  return { version: 1, keys: {}, aliases: {} };
}

export class MetadataIndex {
  readonly file: string;
  private readonly dataDir: string;
  private readonly lockTimeoutMs: number;

  constructor(options: MetadataIndexOptions) {
    this.dataDir = options.dataDir;
    this.file = path.join(options.dataDir, INDEX_FILE_NAME);
    this.lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  }

  /** The current document; an empty one when the file does not exist yet. Takes no lock. */
  async read(): Promise<StoredIndexDocument> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return emptyIndex();
      const why =
        fsReadTrouble(error, this.dataDir) ??
        ` (${code ?? 'error'}); it must be a file this user can read, in the QKMS data folder ${this.dataDir} ` +
          '(QKMS_DATA_DIR)';
      throw new QkmsError('KMSInternalException', `the key index ${this.file} cannot be read${why}`);
    }
    return parseIndex(text, this.file);
  }

  /** Runs `work` holding the cross-process write lock; `write` inside it replaces the file atomically. */
  async locked<T>(work: (tx: IndexTransaction) => Promise<T>): Promise<T> {
    await writing(this.dataDir, () => fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 }), this.dataDir);
    return withFileLock(`${this.file}.lock`, this.lockTimeoutMs, async () => {
      // Holding the lock, no live writer owns a temp file: any found was left by a killed process.
      await removeLeftoverTempFiles(this.file);
      return work({
        read: () => this.read(),
        write: (doc) => writeFileAtomic(this.file, serialize(doc, this.file), 0o600),
      });
    });
  }
}

/** The file's text; refuses a document the next read would reject as corrupt (a bug, never written). */
function serialize(doc: StoredIndexDocument, file: string): string {
  const { pending, ...rest } = doc;
  const stored = pending && pending.length > 0 ? { ...rest, pending } : rest;
  const why = indexProblem(stored);
  if (why) {
    throw new QkmsError(
      'KMSInternalException',
      `refusing to write the key index ${file}: ${why} (a QKMS bug; the index was left unchanged)`,
    );
  }
  return `${JSON.stringify(stored, null, 2)}\n`;
}

/** Parses and checks the document's shape; a corrupt index is an error, never silently an empty one. */
export function parseIndex(text: string, file: string): StoredIndexDocument {
  const corrupt = (why: string) =>
    new QkmsError(
      'KMSInternalException',
      `the key index ${file} is corrupt (${why}); restore it from a backup or move it aside — ` +
        'QKMS will not replace it, because the keys it lists still have private keys in the keychain',
    );
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw corrupt('not valid JSON');
  }
  // Every record in full: an unknown state, a missing field or a made-up KeyId must fail closed.
  const why = indexProblem(doc);
  if (why) throw corrupt(why);
  return doc as unknown as StoredIndexDocument;
}
