// A data folder that cannot be written is reported as what it is — the exact path, the errno and what to
// do — never as an internal error with a stack trace; and no private key is lost or orphaned on the way.
// Real file systems: a data folder whose parent is a regular file (ENOTDIR, fails for root too), a
// regular file in the data folder's place (EEXIST), and a read-only folder (chmod 0500 for a normal user;
// root ignores modes, so as root the folder is made immutable with `chattr +i`, where the file system
// supports it). Faults at each later step (temp file, rename, fsync; ENOSPC/EDQUOT/EROFS/EPERM) are
// injected into node:fs, because no real file system fails on cue between two writes of one operation.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, promises as fsp, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { createKmsService } from '../../../src/core/service/kms-service';
import { createKeyStore, type FileKeyStore } from '../../../src/core/store/key-store';
import type { StoredIndexDocument } from '../../../src/core/store/types';
import { keyRecord, kid, StubKeychain, tempDataDir } from './helpers';

const K1 = kid('k1');
const K2 = kid('k2');
const IS_ROOT = process.getuid?.() === 0;

let data: ReturnType<typeof tempDataDir>;
let keychain: StubKeychain;
beforeEach(() => {
  data = tempDataDir();
  keychain = new StubKeychain();
});
afterEach(() => {
  vi.restoreAllMocks();
  data.cleanup();
});

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as QkmsError,
  );

/** The error is the specific one: a QkmsError naming the path and errno, with the remedy, and no stack. */
function expectNotWritable(error: QkmsError | undefined, file: string | RegExp, code: string): void {
  expect(error).toBeInstanceOf(QkmsError);
  expect(error?.code).toBe('KMSInternalException');
  const message = error?.message ?? '';
  if (typeof file === 'string') expect(message.startsWith(`${file} `)).toBe(true);
  else expect(message).toMatch(file);
  expect(message).toContain(`(${code}`);
  expect(message).toMatch(/QKMS data folder .*QKMS_DATA_DIR/);
  expect(message).not.toMatch(/\n\s*at /);
}

function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall} '${file}'`), { code, syscall, path: file });
}

describe('a data folder that cannot be written, on a real file system', () => {
  it('a data folder whose parent is a regular file (ENOTDIR): createKey names it, the keychain is untouched', async () => {
    const parent = path.join(path.dirname(data.dir), 'not-a-folder');
    writeFileSync(parent, 'x');
    const dataDir = path.join(parent, 'data');
    const store = createKeyStore({ dataDir, keychain });
    const error = await errorOf(store.createKey(keyRecord(K1), randomBytes(32)));
    expectNotWritable(error, dataDir, 'ENOTDIR');
    expect(error?.message).toMatch(/part of its path is a file, not a folder/);
    expect(keychain.calls).toBe(0);
  });

  it('a regular file in the data folder’s place (EEXIST) is named as such', async () => {
    mkdirSync(path.dirname(data.dir), { recursive: true });
    writeFileSync(data.dir, 'x');
    const store = createKeyStore({ dataDir: data.dir, keychain });
    const error = await errorOf(store.update(() => undefined));
    expectNotWritable(error, data.dir, 'EEXIST');
    expect(keychain.calls).toBe(0);
  });

  /** Makes `dir` read-only for this process; false when that is impossible here (root without chattr). */
  function makeReadOnly(dir: string): boolean {
    if (!IS_ROOT) {
      chmodSync(dir, 0o500);
      return true;
    }
    try {
      execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
      return true;
    } catch {
      return false; // no chattr, or a file system without the immutable flag (tmpfs, overlayfs)
    }
  }
  function makeWritable(dir: string): void {
    if (IS_ROOT) execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
    else chmodSync(dir, 0o700);
  }

  it('a read-only data folder (chmod 0500, or chattr +i as root): writes name the lock file, reads still work', async (ctx) => {
    const store = createKeyStore({ dataDir: data.dir, keychain });
    await store.createKey(keyRecord(K1), randomBytes(32));
    const before = readFileSync(store.indexFile, 'utf8');
    if (!makeReadOnly(data.dir)) {
      ctx.skip('running as root where `chattr +i` is unavailable: nothing makes a folder read-only for root');
    }
    try {
      keychain.calls = 0;
      const lockTemp = new RegExp(`^${store.indexFile.replaceAll('.', '\\.')}\\.lock\\.\\d+\\.[0-9a-f]+\\.tmp `);
      const code = IS_ROOT ? 'EPERM' : 'EACCES';
      expectNotWritable(await errorOf(store.createKey(keyRecord(K2), randomBytes(32))), lockTemp, code);
      expectNotWritable(await errorOf(store.destroyKey(K1)), lockTemp, code);
      expect(keychain.calls).toBe(0);
      expect((await store.read()).keys[K1]?.state).toBe('Enabled');
      expect(readFileSync(store.indexFile, 'utf8')).toBe(before);
      expect(readdirSync(data.dir)).toEqual(['keys.json']);
    } finally {
      makeWritable(data.dir);
    }
    await store.createKey(keyRecord(K2), randomBytes(32)); // writable again: works, nothing left behind
    expect(Object.keys((await store.read()).keys).sort()).toEqual([K1, K2].sort());
  });

  it('through the service: a KMSInternalException with the path and remedy, and no internal-error log line', async () => {
    const parent = path.join(path.dirname(data.dir), 'not-a-folder');
    writeFileSync(parent, 'x');
    const logged: string[] = [];
    const service = createKmsService({
      store: createKeyStore({ dataDir: path.join(parent, 'data'), keychain }),
      accountId: '123456789012',
      logInternalError: (line) => logged.push(line),
    });
    const result = await service.call('CreateKey', { KeySpec: 'ECC_NIST_P256' });
    expect(result).toMatchObject({ ok: false, error: { __type: 'KMSInternalException' } });
    expect(!result.ok && result.error.message).toMatch(
      /data\/keys\.json cannot be read \(ENOTDIR: part of its path is a file, not a folder\): the QKMS data folder .* \(QKMS_DATA_DIR\) must be a folder/,
    );
    expect(logged).toEqual([]);
  });
});

describe('a write failing at any step (injected): the exact path, and no private key lost or orphaned', () => {
  let store: FileKeyStore;
  const stored = (): StoredIndexDocument => JSON.parse(readFileSync(store.indexFile, 'utf8')) as StoredIndexDocument;
  beforeEach(async () => {
    store = createKeyStore({ dataDir: data.dir, keychain });
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.calls = 0;
  });

  /** Fails the `nth` call of fs.promises[name] (counted from now) with `code`; the others run normally. */
  function failNth(name: 'open' | 'rename', nth: number, code: string): void {
    const original = fsp[name].bind(fsp) as (...args: unknown[]) => Promise<unknown>;
    let calls = 0;
    vi.spyOn(fsp, name).mockImplementation((async (...args: unknown[]) => {
      if (++calls === nth) throw errno(code, name, String(args[0]));
      return original(...args);
    }) as never);
  }

  it.each(['ENOSPC', 'EDQUOT', 'EROFS', 'EPERM', 'EACCES'])(
    'the journal write fails (%s creating the temp file): nothing reaches the keychain',
    async (code) => {
      const before = readFileSync(store.indexFile, 'utf8');
      failNth('open', 1, code);
      const error = await errorOf(store.createKey(keyRecord(K2), randomBytes(32)));
      expectNotWritable(
        error,
        new RegExp(`^${store.indexFile.replaceAll('.', '\\.')}\\.\\d+\\.[0-9a-f]+\\.tmp `),
        code,
      );
      expect(keychain.calls).toBe(0);
      expect(keychain.items.size).toBe(1);
      expect(readFileSync(store.indexFile, 'utf8')).toBe(before);
    },
  );

  it('the journal write fails at its rename: the message names keys.json; nothing reaches the keychain', async () => {
    failNth('rename', 1, 'EPERM');
    expectNotWritable(await errorOf(store.createKey(keyRecord(K2), randomBytes(32))), store.indexFile, 'EPERM');
    expect(keychain.calls).toBe(0);
    expect(readdirSync(data.dir)).toEqual(['keys.json']); // the temp file was removed
  });

  it('the commit write fails after the keychain write: the new item is deleted again, the listed key kept', async () => {
    failNth('rename', 2, 'ENOSPC'); // 1: the journal entry, 2: the commit
    const error = await errorOf(store.createKey(keyRecord(K2), randomBytes(32)));
    expectNotWritable(error, store.indexFile, 'ENOSPC');
    expect(error?.message).toMatch(/free some space/);
    expect([...keychain.items.keys()]).toEqual([`key/${K1}`]);
    // The journal entry written before the keychain was touched still names K2's item on disk.
    expect(stored().keys[K2]).toBeUndefined();
    expect(stored().pending).toMatchObject([{ op: 'create', keyId: K2, ownerPid: process.pid }]);
    // Once the disk has room again, everything works; the entry is settled after this process ends.
    vi.restoreAllMocks();
    await store.createKey(keyRecord(K2), randomBytes(32));
    expect(await store.getPrivateKey(K2)).toHaveLength(32);
  });

  it('an attach whose commit write fails leaves the key PendingImport and no item behind', async () => {
    const P = kid('p');
    await store.update(
      (doc) => (doc.keys[P] = keyRecord(P, { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined })),
    );
    failNth('rename', 2, 'EDQUOT');
    const complete = (r: { state: string; publicKeySpki?: string }) =>
      Object.assign(r, { state: 'Enabled', publicKeySpki: 'MFkw' });
    expectNotWritable(await errorOf(store.attachPrivateKey(P, randomBytes(32), complete)), store.indexFile, 'EDQUOT');
    expect(keychain.items.has(`key/${P}`)).toBe(false);
    expect((await store.read()).keys[P]?.state).toBe('PendingImport');
  });

  it('the commit landed but its folder fsync failed: the key is listed, so its item is kept', async () => {
    // Directory fsyncs open the folder read-only ('r'); fail the 2nd such open (the commit's).
    const original = fsp.open.bind(fsp) as (...args: unknown[]) => Promise<unknown>;
    let dirOpens = 0;
    vi.spyOn(fsp, 'open').mockImplementation((async (...args: unknown[]) => {
      if (args[1] === 'r' && ++dirOpens === 2) throw errno('ENOSPC', 'open', String(args[0]));
      return original(...args);
    }) as never);
    const secret = randomBytes(32);
    expectNotWritable(await errorOf(store.createKey(keyRecord(K2), secret)), data.dir, 'ENOSPC');
    vi.restoreAllMocks();
    expect((await store.read()).keys[K2]?.state).toBe('Enabled');
    expect(Buffer.from(await store.getPrivateKey(K2))).toEqual(secret);
  });

  it('destroyKey whose unlisting write fails keeps the key listed and its item in place', async () => {
    failNth('rename', 1, 'EROFS');
    const error = await errorOf(store.destroyKey(K1));
    expectNotWritable(error, store.indexFile, 'EROFS');
    expect(error?.message).toMatch(/read-only file system/);
    expect(keychain.calls).toBe(0);
    expect(await store.getPrivateKey(K1)).toHaveLength(32);
  });
});
