// One of several processes writing the same index at once: n tag updates and two key creations.
// Args: <dataDir> <service> <writer name> <n>.
import { childRecord, childStore, kid, privateKeyFor } from './store-for-child';

async function main(): Promise<void> {
  const [dataDir, service, name, count] = process.argv.slice(2) as [string, string, string, string];
  const store = childStore(dataDir, service);
  for (let i = 0; i < Number(count); i++) {
    await store.update((doc) => doc.keys[kid('shared')]!.tags.push({ TagKey: `${name}-${i}`, TagValue: String(i) }));
    if (i % 12 === 0)
      await store.createKey(childRecord(kid(`${name}-key-${i}`)), privateKeyFor(kid(`${name}-key-${i}`)));
  }
  process.stdout.write('done\n');
}

void main().catch((e: unknown) => {
  process.stderr.write(`writer failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
