// Creates, attaches and destroys keys on the real keychain in an endless loop, to be killed with
// SIGKILL at a random moment by crash.test.ts. Args: <dataDir> <service> <worker name>.
import { randomUUID } from 'node:crypto';
import { CHILD_SPKI, childRecord, childStore, privateKeyFor } from './store-for-child';

async function main(): Promise<void> {
  const [dataDir, service] = process.argv.slice(2) as [string, string];
  const store = childStore(dataDir, service);
  process.stdout.write('ready\n');
  for (;;) {
    const roll = Math.random();
    const keys = Object.values((await store.read()).keys);
    if (roll < 0.45 || keys.length < 3) {
      const keyId = randomUUID();
      await store.createKey(childRecord(keyId), privateKeyFor(keyId));
    } else if (roll < 0.55) {
      const keyId = randomUUID();
      await store.update((doc) => (doc.keys[keyId] = childRecord(keyId, 'PendingImport')));
      await store.attachPrivateKey(keyId, privateKeyFor(keyId), (record) => {
        record.state = 'Enabled';
        record.publicKeySpki = CHILD_SPKI;
      });
    } else {
      const victim = keys[Math.floor(Math.random() * keys.length)]!;
      // Another worker may destroy it first: that is fine.
      await store.destroyKey(victim.keyId).catch((e: { code?: string }) => {
        if (e.code !== 'NotFoundException') throw e;
      });
    }
    process.stdout.write('.');
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`crash loop failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
