// Key management through the real service and keychain: every operation, every state rule, paging.
import { afterAll, describe, expect, it } from 'vitest';
import { createTempService } from '../../support/temp-service';
import { KEY_SPECS } from '../../../src/shared/key-spec';

const t = createTempService('keys');
afterAll(() => t.cleanup());

const create = async (request: Record<string, unknown> = {}) =>
  (await t.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', ...request })).KeyMetadata;

describe('CreateKey / DescribeKey', () => {
  it.each(KEY_SPECS)('creates a %s key with AWS-shaped metadata', async (keySpec) => {
    const metadata = await create({ KeySpec: keySpec, KeyUsage: 'KEY_AGREEMENT', Description: 'demo' });
    expect(metadata).toMatchObject({
      KeySpec: keySpec,
      CustomerMasterKeySpec: keySpec,
      KeyUsage: 'DERIVE_SHARED_SECRET',
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'AWS_KMS',
      AWSAccountId: '123456789012',
      Description: 'demo',
      KeyAgreementAlgorithms: ['ECDH'],
      Arn: `arn:verenc:123456789012:key/${metadata.KeyId}`,
    });
    expect(metadata.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Math.abs(metadata.CreationDate - Date.now() / 1000)).toBeLessThan(600);
    const described = await t.ok('DescribeKey', { KeyId: metadata.Arn });
    expect(described.KeyMetadata).toEqual(metadata);
  });

  it('gives SIGN_VERIFY keys signing algorithms and no key agreement', async () => {
    const metadata = await create({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' });
    expect(metadata.SigningAlgorithms).toEqual(['ECDSA_SHA_384']);
    expect(metadata.KeyAgreementAlgorithms).toBeUndefined();
  });

  it('refuses usages that make no sense for an ECC key, naming both values', async () => {
    const error = await t.fails('CreateKey', { KeySpec: 'ECC_NIST_P521', KeyUsage: 'ENCRYPT_DECRYPT' });
    expect(error.__type).toBe('ValidationException');
    expect(error.message).toContain('ENCRYPT_DECRYPT');
    expect(error.message).toContain('ECC_NIST_P521');
  });

  it.each([
    [{}, 'KeySpec is required'],
    [{ KeySpec: 'RSA_2048' }, "got 'RSA_2048'"],
    [{ KeySpec: 'ECC_NIST_P256', Bogus: 1 }, "unknown parameter 'Bogus'"],
    [{ KeySpec: 'ECC_NIST_P256', Description: 7 }, 'Description must be a string'],
    [{ KeySpec: 'ECC_NIST_P256', Tags: [{ TagKey: 'aws:x', TagValue: '' }] }, 'reserved'],
  ])('refuses %j with a message naming the problem', async (request, fragment) => {
    const error = await t.fails('CreateKey', request);
    expect(['ValidationException', 'TagException']).toContain(error.__type);
    expect(error.message).toContain(fragment);
  });

  it('reports unknown keys as NotFoundException for every KeyId form', async () => {
    for (const keyId of [
      '11111111-2222-4333-8444-555555555555',
      'arn:verenc:123456789012:key/11111111-2222-4333-8444-555555555555',
      'alias/nothing-here',
      'arn:verenc:123456789012:alias/nothing-here',
      'not-a-key-id',
      'arn:verenc:999999999999:key/11111111-2222-4333-8444-555555555555',
    ]) {
      const error = await t.fails('DescribeKey', { KeyId: keyId });
      expect(error.__type).toBe('NotFoundException');
    }
  });
});

describe('GetPublicKey', () => {
  it('returns the DER SPKI that matches the key spec', async () => {
    const metadata = await create({ KeySpec: 'ECC_SECG_P256K1' });
    const response = await t.ok('GetPublicKey', { KeyId: metadata.KeyId });
    const { createPublicKey } = await import('node:crypto');
    const key = createPublicKey({ key: Buffer.from(response.PublicKey, 'base64'), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    expect(response).toMatchObject({
      KeyId: metadata.Arn,
      KeySpec: 'ECC_SECG_P256K1',
      KeyUsage: 'DERIVE_SHARED_SECRET',
    });
  });
});

describe('EnableKey / DisableKey / ScheduleKeyDeletion / CancelKeyDeletion', () => {
  it('walks a key through its states', async () => {
    const { KeyId } = await create();
    await t.ok('DisableKey', { KeyId });
    expect((await t.ok('DescribeKey', { KeyId })).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    await t.ok('EnableKey', { KeyId });
    const scheduled = await t.ok('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 });
    expect(scheduled).toMatchObject({ KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate - Date.now() / 1000).toBeGreaterThan(7 * 86400 - 600);
    expect((await t.fails('EnableKey', { KeyId })).__type).toBe('KMSInvalidStateException');
    expect((await t.fails('DisableKey', { KeyId })).__type).toBe('KMSInvalidStateException');
    expect((await t.fails('ScheduleKeyDeletion', { KeyId })).__type).toBe('KMSInvalidStateException');
    await t.ok('CancelKeyDeletion', { KeyId });
    const after = (await t.ok('DescribeKey', { KeyId })).KeyMetadata;
    expect(after.KeyState).toBe('Disabled');
    expect(after.DeletionDate).toBeUndefined();
    expect((await t.fails('CancelKeyDeletion', { KeyId })).__type).toBe('KMSInvalidStateException');
  });

  it('defaults the waiting period to 30 days and refuses 6 and 31', async () => {
    const { KeyId } = await create();
    for (const days of [6, 31, 7.5]) {
      const error = await t.fails('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: days });
      expect(error).toMatchObject({ __type: 'ValidationException' });
      expect(error.message).toContain('from 7 to 30');
    }
    expect((await t.ok('ScheduleKeyDeletion', { KeyId })).PendingWindowInDays).toBe(30);
  });
});

describe('ListKeys / ListKeyDetails paging', () => {
  it('pages with Limit and Marker, each key exactly once', async () => {
    const local = createTempService('paging');
    try {
      const created = new Set<string>();
      for (let i = 0; i < 7; i++)
        created.add((await local.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' })).KeyMetadata.KeyId);
      const seen: string[] = [];
      let marker: string | undefined;
      do {
        const page = await local.ok('ListKeys', { Limit: 3, ...(marker && { Marker: marker }) });
        expect(page.Keys.length).toBeLessThanOrEqual(3);
        seen.push(...page.Keys.map((k) => k.KeyId));
        marker = page.Truncated ? page.NextMarker : undefined;
        if (page.Truncated) expect(page.NextMarker).toBeTruthy();
      } while (marker);
      expect(seen.sort()).toEqual([...created].sort());
      const details = await local.ok('ListKeyDetails', {});
      expect(details.Keys.map((k) => k.KeyId).sort()).toEqual([...created].sort());
      expect((await local.fails('ListKeys', { Marker: 'garbage' })).__type).toBe('InvalidMarkerException');
      expect((await local.fails('ListKeys', { Limit: 0 })).__type).toBe('ValidationException');
    } finally {
      local.cleanup();
    }
  });
});

describe('GetKeychainStatus', () => {
  it('reports the private test keyring as ready', async () => {
    expect(await t.ok('GetKeychainStatus', {})).toEqual({ Status: 'READY', Message: '' });
  });
});

describe('Marker', () => {
  it('is refused by any listing other than the one that returned it', async () => {
    const local = createTempService('markers');
    try {
      const keys: string[] = [];
      for (let i = 0; i < 3; i++)
        keys.push((await local.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' })).KeyMetadata.KeyId);
      await local.ok('CreateAlias', { AliasName: 'alias/a1', TargetKeyId: keys[0] });
      await local.ok('CreateAlias', { AliasName: 'alias/a2', TargetKeyId: keys[0] });
      await local.ok('TagResource', {
        KeyId: keys[0],
        Tags: [
          { TagKey: 'a', TagValue: '1' },
          { TagKey: 'b', TagValue: '2' },
        ],
      });
      await local.ok('TagResource', {
        KeyId: keys[1],
        Tags: [
          { TagKey: 'a', TagValue: '1' },
          { TagKey: 'b', TagValue: '2' },
        ],
      });
      const aliasMarker = (await local.ok('ListAliases', { Limit: 1 })).NextMarker;
      const keysMarker = (await local.ok('ListKeys', { Limit: 1 })).NextMarker;
      const tagsMarker = (await local.ok('ListResourceTags', { KeyId: keys[0], Limit: 1 })).NextMarker;
      const refused = [
        ['ListKeys', { Marker: aliasMarker }, 'returned by ListAliases, not by ListKeys'],
        ['ListKeyDetails', { Marker: keysMarker }, 'not by ListKeyDetails'],
        ['ListAliases', { Marker: keysMarker }, 'not by ListAliases'],
        ['ListAliases', { KeyId: keys[0], Marker: aliasMarker }, `not by ListAliases ${keys[0]}`],
        ['ListResourceTags', { KeyId: keys[1], Marker: tagsMarker }, `not by ListResourceTags ${keys[1]}`],
      ] as const;
      for (const [operation, request, fragment] of refused) {
        const error = await local.fails(operation, request);
        expect(error.__type).toBe('InvalidMarkerException');
        expect(error.message).toContain(fragment);
      }
      expect((await local.ok('ListAliases', { Marker: aliasMarker })).Aliases.map((a) => a.AliasName)).toEqual([
        'alias/a2',
      ]);
    } finally {
      local.cleanup();
    }
  });
});
