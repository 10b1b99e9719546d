// The crash test: child processes create, attach and destroy keys on the real keychain and are killed
// with SIGKILL at random moments — mid keychain call, mid index write, holding the lock. After every
// kill, and at the end, the store must be consistent: every listed key has its own private key; after
// one recovery write no journal entry, no orphan keychain item, no lock or temp file is left.
import { readdirSync, readFileSync } from 'node:fs';
import keytar from '@github/keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyStore } from '../../../src/core/store/key-store';
import { KeytarKeychain } from '../../../src/core/store/keytar-keychain';
import type { StoredIndexDocument } from '../../../src/core/store/types';
import { privateKeyFor } from './children/store-for-child';
import { compileChild, type CompiledChild } from './compile-child';
import { collect, PRIVATE_KEYRING, tempDataDir, uniqueService } from './helpers';
import { deleteAllItems, listAccounts } from './keychain-cleanup';

const BUDGET_MS = Number(process.env.QKMS_CRASH_TEST_MS ?? 40_000);
const WORKERS = 3;
const service = uniqueService('crash');
let data: ReturnType<typeof tempDataDir>;
let loop: CompiledChild | undefined;
afterAll(async () => {
  if (!data) return;
  if (PRIVATE_KEYRING) await deleteAllItems(service);
  loop?.cleanup();
  data.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readIndex = (): StoredIndexDocument => {
  try {
    return JSON.parse(readFileSync(`${data.dir}/keys.json`, 'utf8')) as StoredIndexDocument;
  } catch {
    return { version: 1, keys: {}, aliases: {} };
  }
};

/** Listed ⇒ its private key is in the keychain — checked while other workers keep running. */
async function listedKeysHaveTheirPrivateKeys(): Promise<number> {
  let checked = 0;
  for (const record of Object.values(readIndex().keys)) {
    if (record.state === 'PendingImport') continue;
    const secret = await keytar.getPassword(service, `key/${record.keyId}`);
    if (secret === null && readIndex().keys[record.keyId]) {
      throw new Error(`listed key ${record.keyId} has no private key in the keychain`);
    }
    if (secret !== null) expect(secret).toBe(Buffer.from(privateKeyFor(record.keyId)).toString('base64'));
    checked++;
  }
  return checked;
}

describe.skipIf(!PRIVATE_KEYRING)('crash safety (real keychain, SIGKILL at random points)', () => {
  beforeAll(() => (data = tempDataDir()));
  it(
    'no listed key without its private key; nothing left dangling after recovery',
    { timeout: BUDGET_MS + 60_000 },
    async () => {
      loop = compileChild('crash-loop.child.ts');
      const stats = { kills: 0, opsCompleted: 0, killedDuringStartup: 0, pendingSeen: 0, lockLeft: 0, checks: 0 };
      const deadline = Date.now() + BUDGET_MS;

      async function worker(name: string): Promise<void> {
        while (Date.now() < deadline) {
          const child = loop!.start([data.dir, service, name]);
          const done = collect(child);
          let ready = false;
          child.stdout?.on('data', (d: Buffer) => (ready ||= d.toString().includes('ready')));
          for (let waited = 0; !ready && waited < 10_000; waited += 10) await sleep(10);
          if (!ready) stats.killedDuringStartup++;
          await sleep(Math.random() * 400); // a few operations: ~30-40 ms each
          child.kill('SIGKILL');
          const result = await done;
          expect(result.signal, `the loop ended by itself: ${result.stderr}`).toBe('SIGKILL');
          stats.kills++;
          stats.opsCompleted += (result.stdout.match(/\./g) ?? []).length;
          const entries = readIndex().pending ?? [];
          stats.pendingSeen += entries.length;
          if (readdirSync(data.dir).includes('keys.json.lock')) stats.lockLeft++;
          stats.checks += await listedKeysHaveTheirPrivateKeys();
        }
      }
      await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(`w${i}`)));

      // Recovery: all children are dead, so one write settles every journal entry.
      const store = createKeyStore({ dataDir: data.dir, keychain: new KeytarKeychain({ service }) });
      await store.update(() => undefined);
      const doc = readIndex();
      console.log(
        `crash test: ${stats.kills} SIGKILLs in ${BUDGET_MS / 1000} s (${WORKERS} workers), ${stats.opsCompleted} ops completed, ` +
          `${stats.pendingSeen} journal entries and ${stats.lockLeft} held locks left by kills, ` +
          `${stats.checks} listed-key checks, ${Object.keys(doc.keys).length} keys at the end`,
      );
      expect(stats.kills).toBeGreaterThan(20);
      expect(doc.pending).toBeUndefined();
      expect(readdirSync(data.dir)).toEqual(['keys.json']);
      // The keychain holds exactly the private keys of the listed usable keys: nothing lost, no orphan.
      const usable = Object.values(doc.keys).filter((r) => r.state !== 'PendingImport');
      expect((await listAccounts(service)).sort()).toEqual(usable.map((r) => `key/${r.keyId}`).sort());
      for (const record of usable) expect(await store.getPrivateKey(record.keyId)).toEqual(privateKeyFor(record.keyId));
    },
  );
});
