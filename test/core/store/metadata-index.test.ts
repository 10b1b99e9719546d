// The index file: atomic writes, permissions, corrupt-file reporting, and the cross-process lock.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { MetadataIndex, emptyIndex } from '../../../src/core/store/metadata-index';
import { withFileLock } from '../../../src/core/store/index-lock';
import { keyRecord, tempDataDir } from './helpers';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.cleanup());

/** A pid that is surely not running: past the kernel's pid_max. */
const DEAD_PID = 4_194_304 + 17;

describe('MetadataIndex', () => {
  it('reads an empty index before the first write, and round-trips a document', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    expect(await index.read()).toEqual(emptyIndex());
    const doc = { ...emptyIndex(), keys: { k1: keyRecord('k1') } };
    await index.locked((tx) => tx.write(doc));
    expect(await index.read()).toEqual(doc);
  });

  it('creates the data dir 0700 and the index 0600, and leaves no temp or lock file', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await index.locked((tx) => tx.write(emptyIndex()));
    expect(statSync(data.dir).mode & 0o777).toBe(0o700);
    expect(statSync(index.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(data.dir)).toEqual(['keys.json']);
  });

  it('reports a corrupt index naming the file, and never replaces it', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    mkdirSync(data.dir, { recursive: true });
    for (const [content, why] of [
      ['{"version":1,"keys":{', /not valid JSON/],
      ['[]', /not a JSON object/],
      ['{"version":2,"keys":{},"aliases":{}}', /unsupported version 2/],
      ['{"version":1,"keys":[],"aliases":{}}', /"keys" and "aliases" must be objects/],
      ['{"version":1,"keys":{"a":{"keyId":"b"}},"aliases":{}}', /record of key a is malformed/],
    ] as const) {
      writeFileSync(index.file, content);
      const error = (await index.read().catch((e: unknown) => e)) as QkmsError;
      expect(error).toBeInstanceOf(QkmsError);
      expect(error.code).toBe('KMSInternalException');
      expect(error.message).toContain(index.file);
      expect(error.message).toMatch(why);
      // A write must not paper over it either.
      await expect(index.locked(async (tx) => tx.write(await tx.read()))).rejects.toThrow(/is corrupt/);
      expect(readFileSync(index.file, 'utf8')).toBe(content);
    }
  });

  it('reports an unreadable index naming the file', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await index.locked((tx) => tx.write(emptyIndex()));
    const { chmodSync, mkdirSync, rmSync } = await import('node:fs');
    if (process.getuid?.() !== 0) {
      chmodSync(index.file, 0);
      await expect(index.read()).rejects.toThrow(`the key index ${index.file} cannot be read (EACCES)`);
      chmodSync(index.file, 0o600);
    }
    // Root reads any file whatever its mode; a directory in the index's place is unreadable for everyone.
    rmSync(index.file);
    mkdirSync(index.file);
    await expect(index.read()).rejects.toThrow(`the key index ${index.file} cannot be read (EISDIR)`);
    rmSync(index.file, { recursive: true });
  });

  it('sweeps temp files left by a writer killed mid-write', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    mkdirSync(data.dir, { recursive: true });
    writeFileSync(`${index.file}.${DEAD_PID}.abcdef.tmp`, '{"half');
    await index.locked((tx) => tx.write(emptyIndex()));
    expect(readdirSync(data.dir)).toEqual(['keys.json']);
  });
});

describe('index lock', () => {
  it('takes over a lock whose owner process is dead', async () => {
    mkdirSync(data.dir, { recursive: true });
    const lock = path.join(data.dir, 'keys.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: DEAD_PID, run: 'x', nonce: 'dead', acquiredAt: Date.now() }));
    const started = Date.now();
    expect(await withFileLock(lock, 2_000, async () => 'got it')).toBe('got it');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits a bounded time for a live owner, then reports DependencyTimeoutException', async () => {
    mkdirSync(data.dir, { recursive: true });
    const lock = path.join(data.dir, 'keys.json.lock');
    const owner = { pid: process.ppid, run: 'parent', nonce: 'live', acquiredAt: Date.now() };
    writeFileSync(lock, JSON.stringify(owner));
    const error = (await withFileLock(lock, 300, async () => 'no').catch((e: unknown) => e)) as QkmsError;
    expect(error.code).toBe('DependencyTimeoutException');
    expect(error.message).toContain(`waiting for the index lock ${lock} (held by pid ${process.ppid}`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(owner); // a live owner's lock is left alone
  });

  it('serialises writers within one process without losing updates', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        index.locked(async (tx) => {
          const doc = await tx.read();
          doc.keys[`k${i}`] = keyRecord(`k${i}`);
          await tx.write(doc);
        }),
      ),
    );
    expect(Object.keys((await index.read()).keys)).toHaveLength(30);
  });
});
