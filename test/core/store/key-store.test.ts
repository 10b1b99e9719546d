// The key store's logic with an in-memory keychain: round trips, the update() guards, locked and
// unavailable keychains (never reported as NotFound), journal recovery, and no key bytes anywhere.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { createKeyStore, type FileKeyStore } from '../../../src/core/store/key-store';
import type { IndexDocument, StoredIndexDocument } from '../../../src/core/store/types';
import { keyRecord, StubKeychain, tempDataDir } from './helpers';

let data: ReturnType<typeof tempDataDir>;
let keychain: StubKeychain;
let store: FileKeyStore;
beforeEach(() => {
  data = tempDataDir();
  keychain = new StubKeychain();
  store = createKeyStore({ dataDir: data.dir, keychain });
});
afterEach(() => data.cleanup());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as QkmsError,
  );
const stored = (): StoredIndexDocument => JSON.parse(readFileSync(store.indexFile, 'utf8')) as StoredIndexDocument;

describe('round trips', () => {
  it('createKey → read/getPrivateKey → destroyKey (with its aliases)', async () => {
    const secret = randomBytes(32);
    await store.createKey(keyRecord('k1'), secret);
    await store.update((doc) => {
      doc.aliases['alias/a'] = { aliasName: 'alias/a', targetKeyId: 'k1', creationDate: 1, lastUpdatedDate: 1 };
    });
    expect((await store.read()).keys.k1?.state).toBe('Enabled');
    expect(Buffer.from(await store.getPrivateKey('k1'))).toEqual(secret);
    expect(keychain.items.get('key/k1')).toBe(secret.toString('base64'));

    await store.destroyKey('k1');
    expect(await store.read()).toEqual({ version: 1, keys: {}, aliases: {} });
    expect(keychain.items.size).toBe(0);
    expect((await errorOf(store.getPrivateKey('k1')))?.code).toBe('NotFoundException');
    expect((await errorOf(store.destroyKey('k1')))?.code).toBe('NotFoundException');
  });

  it('read() never touches the keychain', async () => {
    await store.createKey(keyRecord('k1'), randomBytes(32));
    keychain.calls = 0;
    keychain.mode = 'hung';
    await store.read();
    expect(keychain.calls).toBe(0);
  });

  it('attachPrivateKey gives a PendingImport key its material and listed state', async () => {
    await store.update((doc) => {
      doc.keys.k2 = keyRecord('k2', { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined });
    });
    expect((await errorOf(store.getPrivateKey('k2')))?.code).toBe('KMSInvalidStateException');
    const secret = randomBytes(32);
    await store.attachPrivateKey('k2', secret, (r) => {
      r.state = 'Enabled';
      r.publicKeySpki = 'MFkwEw';
    });
    expect((await store.read()).keys.k2).toMatchObject({ state: 'Enabled', publicKeySpki: 'MFkwEw' });
    expect(Buffer.from(await store.getPrivateKey('k2'))).toEqual(secret);
    expect((await errorOf(store.attachPrivateKey('k2', secret, () => undefined)))?.code).toBe(
      'KMSInvalidStateException',
    );
  });

  it('refuses a duplicate KeyId without touching the existing private key', async () => {
    const secret = randomBytes(32);
    await store.createKey(keyRecord('k1'), secret);
    expect((await errorOf(store.createKey(keyRecord('k1'), randomBytes(32))))?.code).toBe('AlreadyExistsException');
    expect(Buffer.from(await store.getPrivateKey('k1'))).toEqual(secret);
  });
});

describe('update() guards the invariants', () => {
  beforeEach(() => store.createKey(keyRecord('k1'), randomBytes(32)));
  it.each<[string, (doc: IndexDocument) => unknown, RegExp]>([
    ['remove a key', (doc) => delete doc.keys.k1, /cannot remove key k1; use destroyKey/],
    ['add a usable key', (doc) => (doc.keys.k9 = keyRecord('k9')), /only as PendingImport/],
    ['re-enter PendingImport', (doc) => (doc.keys.k1!.state = 'PendingImport'), /back to PendingImport/],
  ])('cannot %s', async (_, mutate, message) => {
    const before = readFileSync(store.indexFile, 'utf8');
    const error = await errorOf(store.update(mutate));
    expect(error?.code).toBe('KMSInternalException');
    expect(error?.message).toMatch(message);
    expect(readFileSync(store.indexFile, 'utf8')).toBe(before);
  });

  it('a throwing mutator writes nothing; the journal cannot be edited', async () => {
    const before = readFileSync(store.indexFile, 'utf8');
    const refuse = (): never => {
      throw new QkmsError('ValidationException', 'no');
    };
    expect((await errorOf(store.update(refuse)))?.code).toBe('ValidationException');
    expect(readFileSync(store.indexFile, 'utf8')).toBe(before);
    await store.update(
      (doc) =>
        ((doc as StoredIndexDocument).pending = [
          { op: 'delete', keyId: 'k1', ownerPid: 0, ownerRun: 'x', startedAt: 0 },
        ]),
    );
    expect(stored().pending).toBeUndefined();
  });
});

describe('a locked or unreachable keychain is never reported as NotFound', () => {
  it('getPrivateKey on a locked keychain → KeyUnavailableException "locked"', async () => {
    await store.createKey(keyRecord('k1'), randomBytes(32));
    keychain.mode = 'locked';
    const error = await errorOf(store.getPrivateKey('k1'));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toMatch(/is locked; unlock it/);
  });

  it('createKey on a locked keychain lists nothing and leaves no journal entry', async () => {
    keychain.mode = 'locked';
    expect((await errorOf(store.createKey(keyRecord('k1'), randomBytes(32))))?.code).toBe('KeyUnavailableException');
    expect(stored()).toEqual({ version: 1, keys: {}, aliases: {} });
  });

  it('destroyKey on a locked keychain unlists the key, says so, and the next write deletes the item', async () => {
    await store.createKey(keyRecord('k1'), randomBytes(32));
    keychain.mode = 'locked';
    const error = await errorOf(store.destroyKey('k1'));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toMatch(
      /key k1 was deleted from the index, but its private key is still in the keychain.*is locked/,
    );
    expect(stored().pending).toMatchObject([{ op: 'delete', keyId: 'k1', ownerPid: 0 }]);
    expect(keychain.items.has('key/k1')).toBe(true);

    await store.update(() => undefined); // still locked: the entry stays
    expect(stored().pending).toHaveLength(1);
    keychain.mode = 'ready';
    await store.update(() => undefined);
    expect(stored().pending).toBeUndefined();
    expect(keychain.items.size).toBe(0);
  });

  it('a hung keychain fails getPrivateKey with DependencyTimeoutException', async () => {
    await store.createKey(keyRecord('k1'), randomBytes(32));
    keychain.mode = 'hung';
    expect((await errorOf(store.getPrivateKey('k1')))?.code).toBe('DependencyTimeoutException');
  });

  it('an item deleted outside QKMS is reported as missing key material, not NotFound', async () => {
    await store.createKey(keyRecord('k1'), randomBytes(32));
    keychain.items.clear();
    const error = await errorOf(store.getPrivateKey('k1'));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toMatch(/private key of key k1 is missing from the stub keychain \(account key\/k1\)/);
  });
});

describe('journal recovery', () => {
  const deadOwner = { ownerPid: 4_194_304 + 17, ownerRun: 'dead', startedAt: 1 };

  it('deletes the orphan item of an interrupted create, and never the item of a listed key', async () => {
    await store.createKey(keyRecord('listed'), randomBytes(32));
    keychain.items.set('key/orphan', 'AAAA');
    const doc = stored();
    doc.pending = [
      { op: 'create', keyId: 'orphan', ...deadOwner },
      { op: 'create', keyId: 'listed', ...deadOwner },
      { op: 'delete', keyId: 'listed', ...deadOwner },
      { op: 'create', keyId: 'in-flight', ownerPid: process.ppid, ownerRun: 'live', startedAt: 1 },
    ];
    writeFileSync(store.indexFile, JSON.stringify(doc));
    expect((await store.read()).keys.listed).toBeDefined(); // reads neither settle nor fail
    await store.update(() => undefined);
    expect([...keychain.items.keys()]).toEqual(['key/listed']);
    // A live owner's entry is left for its owner.
    expect(stored().pending).toEqual([
      { op: 'create', keyId: 'in-flight', ownerPid: process.ppid, ownerRun: 'live', startedAt: 1 },
    ]);
  });

  it('rolls back an interrupted attach (the key stays PendingImport)', async () => {
    await store.update((doc) => (doc.keys.p = keyRecord('p', { state: 'PendingImport', publicKeySpki: undefined })));
    keychain.items.set('key/p', 'AAAA');
    writeFileSync(
      store.indexFile,
      JSON.stringify({ ...stored(), pending: [{ op: 'attach', keyId: 'p', ...deadOwner }] }),
    );
    await store.update(() => undefined);
    expect(keychain.items.size).toBe(0);
    expect((await store.read()).keys.p?.state).toBe('PendingImport');
  });
});

describe('key material never leaks', () => {
  it('no private-key byte (base64 or hex) in the index file or any error message', async () => {
    const secrets = Array.from({ length: 3 }, () => randomBytes(32));
    const messages: string[] = [];
    const record = async (p: Promise<unknown>) => messages.push((await errorOf(p))?.message ?? '');
    for (const [i, s] of secrets.entries()) await store.createKey(keyRecord(`k${i}`), s);
    await record(store.createKey(keyRecord('k0'), secrets[0]!));
    keychain.items.set('key/k2', 'not base64!');
    await record(store.getPrivateKey('k2'));
    for (const mode of ['locked', 'unavailable', 'hung'] as const) {
      keychain.mode = mode;
      await record(store.getPrivateKey('k0'));
      await record(store.createKey(keyRecord(`new-${mode}`), secrets[1]!));
      await record(store.destroyKey('k1'));
    }
    const haystack = [readFileSync(store.indexFile, 'utf8'), ...messages].join('\n');
    expect(messages.filter(Boolean).length).toBeGreaterThan(8);
    for (const s of secrets) {
      expect(haystack).not.toContain(s.toString('base64'));
      expect(haystack).not.toContain(s.toString('base64').slice(0, 12));
      expect(haystack.toLowerCase()).not.toContain(s.toString('hex').slice(0, 16));
    }
    expect(haystack).not.toContain('not base64!');
  });
});
