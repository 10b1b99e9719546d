// The keytar adapter and the key store on the real (private) keychain: round trips, READY status, and
// the costs the design relies on (reads cheap, writes dearer), printed for the record.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyStore } from '../../../src/core/store/key-store';
import { KeytarKeychain } from '../../../src/core/store/keytar-keychain';
import { keyRecord, kid, PRIVATE_KEYRING, tempDataDir, uniqueService } from './helpers';
import { deleteAllItems, listAccounts } from './keychain-cleanup';

const service = uniqueService('keytar');
let data: ReturnType<typeof tempDataDir>;
afterAll(async () => {
  if (!data) return;
  if (PRIVATE_KEYRING) await deleteAllItems(service);
  data.cleanup();
});

async function msPerCall(n: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await call(i);
  return (performance.now() - started) / n;
}

describe.skipIf(!PRIVATE_KEYRING)('KeytarKeychain on the real keychain', () => {
  beforeAll(() => (data = tempDataDir()));
  const keychain = new KeytarKeychain({ service });

  it('sets, gets, replaces and deletes a secret; status is READY and leaves no probe item', async () => {
    expect(await keychain.getSecret('a')).toBeNull();
    await keychain.setSecret('a', 'one');
    await keychain.setSecret('a', 'two');
    expect(await keychain.getSecret('a')).toBe('two');
    expect(await keychain.status()).toEqual({ state: 'READY', message: '' });
    expect(await listAccounts(service)).toEqual(['a']);
    expect(await keychain.deleteSecret('a')).toBe(true);
    expect(await keychain.deleteSecret('a')).toBe(false);
  });

  it('the key store round-trips private keys through the real keychain, and none reaches the index', async () => {
    const store = createKeyStore({ dataDir: data.dir, keychain });
    const secrets = new Map(Array.from({ length: 5 }, (_, i) => [kid(`k${i}`), randomBytes(i === 0 ? 66 : 32)]));
    for (const [keyId, secret] of secrets) await store.createKey(keyRecord(keyId), secret);
    for (const [keyId, secret] of secrets) expect(Buffer.from(await store.getPrivateKey(keyId))).toEqual(secret);
    const index = readFileSync(store.indexFile, 'utf8');
    for (const secret of secrets.values()) {
      expect(index).not.toContain(secret.toString('base64').slice(0, 12));
      expect(index).not.toContain(secret.toString('hex').slice(0, 16));
    }
    for (const keyId of secrets.keys()) await store.destroyKey(keyId);
    expect(await listAccounts(service)).toEqual([]);
    expect(await store.keychainStatus()).toEqual({ state: 'READY', message: '' });
  });

  it('measures keychain and store costs', async () => {
    const store = createKeyStore({ dataDir: `${data.dir}-timing`, keychain });
    const costs = {
      set: await msPerCall(20, (i) => keychain.setSecret(`t${i}`, 'x')),
      get: await msPerCall(50, (i) => keychain.getSecret(`t${i % 20}`)),
      delete: await msPerCall(20, (i) => keychain.deleteSecret(`t${i}`)),
      status: await msPerCall(10, () => keychain.status()),
      createKey: await msPerCall(20, (i) => store.createKey(keyRecord(kid(`c${i}`)), randomBytes(32))),
      getPrivateKey: await msPerCall(50, (i) => store.getPrivateKey(kid(`c${i % 20}`))),
      read: await msPerCall(50, () => store.read()),
      update: await msPerCall(20, () => store.update(() => undefined)),
      destroyKey: await msPerCall(20, (i) => store.destroyKey(kid(`c${i}`))),
    };
    const rounded = Object.entries(costs).map(([name, ms]) => `${name} ${ms.toFixed(2)}`);
    console.log(`keychain/store ms per call: ${rounded.join(', ')}`);
    expect(costs.read).toBeLessThan(costs.get + 5); // listing never pays keychain costs
  });
});
