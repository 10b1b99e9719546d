// The key store's logic with an in-memory keychain: round trips, the update() guards, locked and
// unavailable keychains (never reported as NotFound), journal recovery, and no key bytes anywhere.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { createKeyStore, type FileKeyStore } from '../../../src/core/store/key-store';
import type { IndexDocument, KeyRecord, StoredIndexDocument } from '../../../src/core/store/types';
import { keyRecord, kid, StubKeychain, tempDataDir } from './helpers';

const [K1, K2, K9, P] = [kid('k1'), kid('k2'), kid('k9'), kid('p')];
const [LISTED, ORPHAN, IN_FLIGHT] = [kid('listed'), kid('orphan'), kid('in-flight')];

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
    await store.createKey(keyRecord(K1), secret);
    await store.update((doc) => {
      doc.aliases['alias/a'] = { aliasName: 'alias/a', targetKeyId: K1, creationDate: 1, lastUpdatedDate: 1 };
    });
    expect((await store.read()).keys[K1]?.state).toBe('Enabled');
    expect(Buffer.from(await store.getPrivateKey(K1))).toEqual(secret);
    expect(keychain.items.get(`key/${K1}`)).toBe(secret.toString('base64'));

    await store.destroyKey(K1);
    expect(await store.read()).toEqual({ version: 1, keys: {}, aliases: {} });
    expect(keychain.items.size).toBe(0);
    expect((await errorOf(store.getPrivateKey(K1)))?.code).toBe('NotFoundException');
    expect((await errorOf(store.destroyKey(K1)))?.code).toBe('NotFoundException');
  });

  it('read() never touches the keychain', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.calls = 0;
    keychain.mode = 'hung';
    await store.read();
    expect(keychain.calls).toBe(0);
  });

  it('attachPrivateKey gives a PendingImport key its material and listed state', async () => {
    await store.update((doc) => {
      doc.keys[K2] = keyRecord(K2, { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined });
    });
    expect((await errorOf(store.getPrivateKey(K2)))?.code).toBe('KMSInvalidStateException');
    const secret = randomBytes(32);
    await store.attachPrivateKey(K2, secret, (r) => {
      r.state = 'Enabled';
      r.publicKeySpki = 'MFkwEw==';
    });
    expect((await store.read()).keys[K2]).toMatchObject({ state: 'Enabled', publicKeySpki: 'MFkwEw==' });
    expect(Buffer.from(await store.getPrivateKey(K2))).toEqual(secret);
    expect((await errorOf(store.attachPrivateKey(K2, secret, () => undefined)))?.code).toBe('KMSInvalidStateException');
  });

  it('refuses a duplicate KeyId without touching the existing private key', async () => {
    const secret = randomBytes(32);
    await store.createKey(keyRecord(K1), secret);
    expect((await errorOf(store.createKey(keyRecord(K1), randomBytes(32))))?.code).toBe('AlreadyExistsException');
    expect(Buffer.from(await store.getPrivateKey(K1))).toEqual(secret);
  });
});

describe('a tampered index fails closed', () => {
  it.each<[string, (doc: Record<string, Record<string, unknown>>) => void, RegExp]>([
    ['an unknown state', (keys) => (keys[K1]!.state = 'Bogus'), /"state" is "Bogus"/],
    ['a lower-case state', (keys) => (keys[K1]!.state = 'disabled'), /"state" is "disabled"/],
    ['no state', (keys) => delete keys[K1]!.state, /"state" is missing/],
    ['a record of only its keyId', (keys) => (keys[K1] = { keyId: K1 }), /"keySpec" is missing/],
    ['a record keyed "zzz"', (keys) => (keys.zzz = { ...keys[K1], keyId: 'zzz' }), /key "zzz" .*not a lowercase UUID/],
  ])('%s: nothing is listed or derived with, and nothing is rewritten', async (_, tamper, why) => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    const doc = JSON.parse(readFileSync(store.indexFile, 'utf8')) as { keys: Record<string, Record<string, unknown>> };
    tamper(doc.keys);
    const tampered = JSON.stringify(doc);
    writeFileSync(store.indexFile, tampered);
    keychain.calls = 0;
    for (const call of [
      () => store.read(),
      () => store.getPrivateKey(K1),
      () => store.update(() => undefined),
      () => store.destroyKey(K1),
      () => store.createKey(keyRecord(K2), randomBytes(32)),
    ]) {
      const error = await errorOf(call());
      expect(error?.code).toBe('KMSInternalException');
      expect(error?.message).toContain(`the key index ${store.indexFile} is corrupt (`);
      expect(error?.message).toMatch(why);
    }
    expect(keychain.calls).toBe(0);
    expect(keychain.items.has(`key/${K1}`)).toBe(true);
    expect(readFileSync(store.indexFile, 'utf8')).toBe(tampered);
  });
});

describe('update() guards the invariants', () => {
  beforeEach(() => store.createKey(keyRecord(K1), randomBytes(32)));
  it.each<[string, (doc: IndexDocument) => unknown, RegExp]>([
    ['remove a key', (doc) => delete doc.keys[K1], new RegExp(`cannot remove key ${K1}; use destroyKey`)],
    ['add a usable key', (doc) => (doc.keys[K9] = keyRecord(K9)), /only as PendingImport/],
    ['re-enter PendingImport', (doc) => (doc.keys[K1]!.state = 'PendingImport'), /back to PendingImport/],
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
          { op: 'delete', keyId: K1, ownerPid: 0, ownerRun: 'x', startedAt: 0 },
        ]),
    );
    expect(stored().pending).toBeUndefined();
  });
});

describe('a key without key material (pending import) can be scheduled for deletion and destroyed', () => {
  const pendingImport = () => keyRecord(P, { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined });
  const schedule = (doc: IndexDocument) =>
    Object.assign(doc.keys[P]!, { state: 'PendingDeletion', deletionDate: 5, pendingWindowInDays: 7 });
  beforeEach(() => store.update((doc) => (doc.keys[P] = pendingImport())));

  it('PendingImport → PendingDeletion → PendingImport through update()', async () => {
    await store.update(schedule);
    expect((await store.read()).keys[P]).toMatchObject({ state: 'PendingDeletion', deletionDate: 5 });
    expect((await errorOf(store.getPrivateKey(P)))?.message).toMatch(/is PendingDeletion; it has no key material/);
    await store.update((doc) => {
      doc.keys[P]!.state = 'PendingImport';
      delete doc.keys[P]!.deletionDate;
      delete doc.keys[P]!.pendingWindowInDays;
    });
    expect((await store.read()).keys[P]).toEqual(pendingImport());
  });

  it.each<[string, (doc: IndexDocument) => unknown, RegExp]>([
    [
      'make it Enabled',
      (doc) => (doc.keys[P]!.state = 'Enabled'),
      /cannot make key .* Enabled: it has no key material/,
    ],
    ['make it Disabled', (doc) => (doc.keys[P]!.state = 'Disabled'), /cannot make key .* Disabled: it has no key/],
    [
      'give it a public key while scheduling its deletion',
      (doc) => (schedule(doc), (doc.keys[P]!.publicKeySpki = 'MFkw')),
      /cannot give key .* a public key; it has no key material/,
    ],
  ])('update() still cannot %s', async (_, mutate, message) => {
    const before = readFileSync(store.indexFile, 'utf8');
    const error = await errorOf(store.update(mutate));
    expect(error?.code).toBe('KMSInternalException');
    expect(error?.message).toMatch(message);
    expect(readFileSync(store.indexFile, 'utf8')).toBe(before);
  });

  it('a scheduled material-less key cannot be made usable either, nor attached', async () => {
    await store.update(schedule);
    const error = await errorOf(store.update((doc) => (doc.keys[P]!.state = 'Disabled')));
    expect(error?.message).toMatch(/cannot make key .* Disabled: it has no key material \(PendingDeletion\)/);
    const attach = await errorOf(store.attachPrivateKey(P, randomBytes(32), (r) => (r.state = 'Enabled')));
    expect(attach?.code).toBe('KMSInvalidStateException');
    expect(keychain.items.size).toBe(0);
  });

  it('attachPrivateKey must make the key usable with its public key, before the keychain is touched', async () => {
    for (const complete of [
      (r: KeyRecord) => (r.state = 'Enabled'),
      (r: KeyRecord) => Object.assign(r, { state: 'PendingDeletion', publicKeySpki: 'MFkw' }),
    ]) {
      const error = await errorOf(store.attachPrivateKey(P, randomBytes(32), complete));
      expect(error?.message).toMatch(/complete\(\) must make key .* Enabled or Disabled and set its public key/);
    }
    const malformed = (r: KeyRecord) => Object.assign(r, { state: 'Enabled', publicKeySpki: 'not base64!' });
    expect((await errorOf(store.attachPrivateKey(P, randomBytes(32), malformed)))?.message).toMatch(
      /attachPrivateKey\(\) refused a record the index cannot hold: .*"publicKeySpki" is not a base64 string/,
    );
    const bogus = keyRecord(K1, { state: 'Bogus' as never });
    expect((await errorOf(store.createKey(bogus, randomBytes(32))))?.message).toMatch(
      /createKey\(\) refused a record the index cannot hold: .*"state" is "Bogus"/,
    );
    expect(keychain.calls).toBe(0);
    expect((await store.read()).keys[P]?.state).toBe('PendingImport');
  });

  it('a key with key material cannot lose its public key (destroyKey would then skip its item)', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    const error = await errorOf(
      store.update((doc) => {
        Object.assign(doc.keys[K1]!, { state: 'PendingDeletion', deletionDate: 5, pendingWindowInDays: 7 });
        delete doc.keys[K1]!.publicKeySpki;
      }),
    );
    expect(error?.message).toMatch(/cannot remove the public key of key .*; it has key material/);
  });

  it.each(['ready', 'locked', 'unavailable', 'hung'] as const)(
    'destroyKey unlists it (and its aliases) without asking the keychain (%s)',
    async (mode) => {
      await store.update((doc) => {
        schedule(doc);
        doc.aliases['alias/p'] = { aliasName: 'alias/p', targetKeyId: P, creationDate: 1, lastUpdatedDate: 1 };
      });
      keychain.mode = mode;
      keychain.calls = 0;
      await store.destroyKey(P);
      expect(keychain.calls).toBe(0);
      expect(stored()).toEqual({ version: 1, keys: {}, aliases: {} });
    },
  );

  it('the item of an interrupted attach is still deleted once the key is scheduled for deletion', async () => {
    keychain.items.set(`key/${P}`, 'AAAA');
    const dead = { ownerPid: 4_194_304 + 17, ownerRun: 'dead', startedAt: 1 };
    await store.update(schedule);
    writeFileSync(store.indexFile, JSON.stringify({ ...stored(), pending: [{ op: 'attach', keyId: P, ...dead }] }));
    await store.update(() => undefined);
    expect(keychain.items.size).toBe(0);
    expect(stored().pending).toBeUndefined();
    expect((await store.read()).keys[P]?.state).toBe('PendingDeletion');
  });
});

describe('a locked or unreachable keychain is never reported as NotFound', () => {
  it('getPrivateKey on a locked keychain → KeyUnavailableException "locked"', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.mode = 'locked';
    const error = await errorOf(store.getPrivateKey(K1));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toMatch(/is locked; unlock it/);
  });

  it('createKey on a locked keychain lists nothing and leaves no journal entry', async () => {
    keychain.mode = 'locked';
    expect((await errorOf(store.createKey(keyRecord(K1), randomBytes(32))))?.code).toBe('KeyUnavailableException');
    expect(stored()).toEqual({ version: 1, keys: {}, aliases: {} });
  });

  it('destroyKey on a locked keychain unlists the key, says so, and the next write deletes the item', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.mode = 'locked';
    const error = await errorOf(store.destroyKey(K1));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toMatch(
      new RegExp(`key ${K1} was deleted from the index, but its private key is still in the keychain.*is locked`),
    );
    expect(stored().pending).toMatchObject([{ op: 'delete', keyId: K1, ownerPid: 0 }]);
    expect(keychain.items.has(`key/${K1}`)).toBe(true);

    await store.update(() => undefined); // still locked: the entry stays
    expect(stored().pending).toHaveLength(1);
    keychain.mode = 'ready';
    await store.update(() => undefined);
    expect(stored().pending).toBeUndefined();
    expect(keychain.items.size).toBe(0);
  });

  it('a hung keychain fails getPrivateKey with DependencyTimeoutException', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.mode = 'hung';
    expect((await errorOf(store.getPrivateKey(K1)))?.code).toBe('DependencyTimeoutException');
  });

  it('an item deleted outside QKMS is reported as missing key material, not NotFound', async () => {
    await store.createKey(keyRecord(K1), randomBytes(32));
    keychain.items.clear();
    const error = await errorOf(store.getPrivateKey(K1));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toContain(`private key of key ${K1} is missing from the stub keychain (account key/${K1})`);
  });
});

describe('journal recovery', () => {
  const deadOwner = { ownerPid: 4_194_304 + 17, ownerRun: 'dead', startedAt: 1 };

  it('deletes the orphan item of an interrupted create, and never the item of a listed key', async () => {
    await store.createKey(keyRecord(LISTED), randomBytes(32));
    keychain.items.set(`key/${ORPHAN}`, 'AAAA');
    const doc = stored();
    doc.pending = [
      { op: 'create', keyId: ORPHAN, ...deadOwner },
      { op: 'create', keyId: LISTED, ...deadOwner },
      { op: 'delete', keyId: LISTED, ...deadOwner },
      { op: 'create', keyId: IN_FLIGHT, ownerPid: process.ppid, ownerRun: 'live', startedAt: 1 },
    ];
    writeFileSync(store.indexFile, JSON.stringify(doc));
    expect((await store.read()).keys[LISTED]).toBeDefined(); // reads neither settle nor fail
    await store.update(() => undefined);
    expect([...keychain.items.keys()]).toEqual([`key/${LISTED}`]);
    // A live owner's entry is left for its owner.
    expect(stored().pending).toEqual([
      { op: 'create', keyId: IN_FLIGHT, ownerPid: process.ppid, ownerRun: 'live', startedAt: 1 },
    ]);
  });

  it('rolls back an interrupted attach (the key stays PendingImport)', async () => {
    await store.update(
      (doc) => (doc.keys[P] = keyRecord(P, { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined })),
    );
    keychain.items.set(`key/${P}`, 'AAAA');
    writeFileSync(
      store.indexFile,
      JSON.stringify({ ...stored(), pending: [{ op: 'attach', keyId: P, ...deadOwner }] }),
    );
    await store.update(() => undefined);
    expect(keychain.items.size).toBe(0);
    expect((await store.read()).keys[P]?.state).toBe('PendingImport');
  });
});

describe('key material never leaks', () => {
  it('no private-key byte (base64 or hex) in the index file or any error message', async () => {
    const secrets = Array.from({ length: 3 }, () => randomBytes(32));
    const messages: string[] = [];
    const record = async (p: Promise<unknown>) => messages.push((await errorOf(p))?.message ?? '');
    for (const [i, s] of secrets.entries()) await store.createKey(keyRecord(kid(`k${i}`)), s);
    await record(store.createKey(keyRecord(kid('k0')), secrets[0]!));
    keychain.items.set(`key/${K2}`, 'not base64!');
    await record(store.getPrivateKey(K2));
    for (const mode of ['locked', 'unavailable', 'hung'] as const) {
      keychain.mode = mode;
      await record(store.getPrivateKey(kid('k0')));
      await record(store.createKey(keyRecord(kid(`new-${mode}`)), secrets[1]!));
      await record(store.destroyKey(K1));
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
