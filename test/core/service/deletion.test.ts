// A key scheduled for deletion is deleted for good once its date passes: unlisted, its aliases gone,
// and its private key removed from the keychain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyStore } from '../../../src/core/store/key-store';
import { KeytarKeychain } from '../../../src/core/store/keytar-keychain';
import { privateKeyAccount } from '../../../src/core/store/keychain';
import { createKmsService } from '../../../src/core/service/kms-service';

const dataDir = mkdtempSync(path.join(tmpdir(), 'qkms-deletion-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A service on the real keychain whose clock the test moves, so deletion dates pass without waiting. */
function clockedService() {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const keychain = new KeytarKeychain({ service: `qkms-test-deletion-${randomBytes(4).toString('hex')}` });
  const service = createKmsService({
    store: createKeyStore({ dataDir, keychain }),
    accountId: '123456789012',
    now: () => clock.now,
  });
  return { clock, keychain, service };
}

describe('ScheduleKeyDeletion', () => {
  it('deletes the key and its private key once the waiting period has passed', async () => {
    const { clock, keychain, service } = clockedService();
    const created = await service.call('CreateKey', { KeySpec: 'ECC_NIST_P256' });
    if (!created.ok) throw new Error(created.error.message);
    const KeyId = created.value.KeyMetadata.KeyId;
    await service.call('CreateAlias', { AliasName: 'alias/doomed', TargetKeyId: KeyId });
    await service.call('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 });
    expect(await keychain.getSecret(privateKeyAccount(KeyId))).not.toBeNull();

    clock.now += 7 * 86_400_000 - 1000;
    const stillThere = await service.call('DescribeKey', { KeyId });
    expect(stillThere.ok && stillThere.value.KeyMetadata.KeyState).toBe('PendingDeletion');

    clock.now += 2000;
    const gone = await service.call('DescribeKey', { KeyId });
    expect(gone).toMatchObject({ ok: false, error: { __type: 'NotFoundException' } });
    expect(await service.call('DescribeKey', { KeyId: 'alias/doomed' })).toMatchObject({
      ok: false,
      error: { __type: 'NotFoundException' },
    });
    expect(await keychain.getSecret(privateKeyAccount(KeyId))).toBeNull();
  });

  it('a key pending import (Origin EXTERNAL) can be scheduled for deletion, cancelled, and deleted when due', async () => {
    const { clock, keychain, service } = clockedService();
    const state = async (KeyId: string) => {
      const described = await service.call('DescribeKey', { KeyId });
      return described.ok ? described.value.KeyMetadata.KeyState : described.error.__type;
    };
    const created = await service.call('CreateKey', { KeySpec: 'ECC_NIST_P256', Origin: 'EXTERNAL' });
    if (!created.ok) throw new Error(created.error.message);
    const KeyId = created.value.KeyMetadata.KeyId;
    expect(await state(KeyId)).toBe('PendingImport');

    const scheduled = await service.call('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 });
    expect(scheduled).toMatchObject({ ok: true, value: { KeyState: 'PendingDeletion', PendingWindowInDays: 7 } });
    expect(await state(KeyId)).toBe('PendingDeletion');
    expect(await service.call('CancelKeyDeletion', { KeyId })).toMatchObject({ ok: true });
    expect(await state(KeyId)).toBe('PendingImport'); // never had material: back to PendingImport, not Disabled

    await service.call('CreateAlias', { AliasName: 'alias/never-imported', TargetKeyId: KeyId });
    expect(await service.call('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 })).toMatchObject({ ok: true });
    clock.now += 7 * 86_400_000 + 1000;
    expect(await state(KeyId)).toBe('NotFoundException');
    expect(await state('alias/never-imported')).toBe('NotFoundException');
    expect(await keychain.getSecret(privateKeyAccount(KeyId))).toBeNull();
  });
});
