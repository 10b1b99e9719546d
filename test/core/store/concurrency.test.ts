// Several processes writing one index at once (as the app and the CLI may) lose no update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../../src/core/store/keytar-keychain';
import { createKeyStore } from '../../../src/core/store/key-store';
import { privateKeyFor, childRecord, kid } from './children/store-for-child';
import { PRIVATE_KEYRING, runChild, tempDataDir, uniqueService } from './helpers';
import { deleteAllItems } from './keychain-cleanup';

const service = uniqueService('concurrency');
let data: ReturnType<typeof tempDataDir>;
afterAll(async () => {
  if (!data) return;
  if (PRIVATE_KEYRING) await deleteAllItems(service);
  data.cleanup();
});

describe.skipIf(!PRIVATE_KEYRING)('concurrent writers (real keychain)', () => {
  beforeAll(() => (data = tempDataDir()));
  it('4 processes × 25 updates (and key creations) lose no update', async () => {
    const store = createKeyStore({ dataDir: data.dir, keychain: new KeytarKeychain({ service }) });
    await store.update((doc) => (doc.keys[kid('shared')] = childRecord(kid('shared'), 'PendingImport')));
    const writers = ['w0', 'w1', 'w2', 'w3'];
    const started = Date.now();
    const results = await Promise.all(
      writers.map((name) => runChild('concurrent-writer.child.ts', [data.dir, service, name, '25'])),
    );
    console.log(`4 writers × 25 updates + 3 createKey each: ${Date.now() - started} ms (incl. process start)`);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stdout: 'done\n' });

    const doc = await store.read();
    const tags = doc.keys[kid('shared')]!.tags.map((t) => t.TagKey).sort();
    expect(tags).toEqual(writers.flatMap((w) => Array.from({ length: 25 }, (_, i) => `${w}-${i}`)).sort());
    const created = Object.keys(doc.keys).filter((k) => k !== kid('shared'));
    expect(created).toHaveLength(12);
    for (const keyId of created) expect(await store.getPrivateKey(keyId)).toEqual(privateKeyFor(keyId));
  });
});
