// The index is a plain file; the keychain item of each key is sealed to its curve and public key. An
// altered index must never make QKMS apply a key to the wrong curve or hand out someone else's public key.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslKeyPair } from '../../support/openssl';
import { createTempService } from '../../support/temp-service';

const t = createTempService('tamper');
afterAll(() => t.cleanup());

const indexFile = () => path.join(t.settings.dataDir, 'keys.json');
function editRecord(keyId: string, edit: (record: Record<string, unknown>) => void): void {
  const doc = JSON.parse(readFileSync(indexFile(), 'utf8')) as { keys: Record<string, Record<string, unknown>> };
  edit(doc.keys[keyId] as Record<string, unknown>);
  writeFileSync(indexFile(), JSON.stringify(doc));
}
const peer = (keySpec: 'ECC_NIST_P256' | 'ECC_NIST_P384') => opensslKeyPair(keySpec).publicDer.toString('base64');

describe('an altered index is caught against the keychain', () => {
  it('refuses a key whose curve was changed in the index', async () => {
    const { KeyMetadata } = await t.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
    editRecord(KeyMetadata.KeyId, (record) => (record.keySpec = 'ECC_NIST_P384'));
    const error = await t.fails('DeriveSharedSecret', { KeyId: KeyMetadata.KeyId, PublicKey: peer('ECC_NIST_P384') });
    expect(error.__type).toBe('KMSInternalException');
    expect(error.message).toContain('the keychain holds a key for ECC_NIST_P256, the index says ECC_NIST_P384');
  });

  it('refuses to derive with, or export, a public key swapped in the index', async () => {
    const victim = (await t.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' })).KeyMetadata.KeyId;
    const other = await t.ok('GetPublicKey', {
      KeyId: (await t.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' })).KeyMetadata.KeyId,
    });
    const genuine = (await t.ok('GetPublicKey', { KeyId: victim })).PublicKey;
    editRecord(victim, (record) => (record.publicKeySpki = other.PublicKey));
    for (const [operation, request] of [
      ['GetPublicKey', { KeyId: victim }],
      ['DeriveSharedSecret', { KeyId: victim, PublicKey: peer('ECC_NIST_P256') }],
    ] as const) {
      const error = await t.fails(operation, request);
      expect(error.__type).toBe('KMSInternalException');
      expect(error.message).toContain('the public key differs');
    }
    editRecord(victim, (record) => (record.publicKeySpki = genuine));
    expect((await t.ok('GetPublicKey', { KeyId: victim })).PublicKey).toBe(genuine);
  });
});
