// Every operation through the unmodified @aws-sdk/client-kms against the loopback endpoint, over the real
// keychain; DeriveSharedSecret on each curve checked against node's crypto.diffieHellman on the client
// side; Limit/Marker paging. QKMS's own operations (not in the SDK) go as raw signed requests.
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  GetPublicKeyCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  paginateListKeys,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURVES, KEY_SPECS } from '../../src/shared/key-spec';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

let e: TestEndpoint;
let kms: KMSClient;
beforeAll(async () => {
  e = await startTestEndpoint('sdk-ops');
  kms = e.client();
});
afterAll(() => e.stop());

const ACCOUNT = '123456789012';
const newKey = async (KeySpec: (typeof KEY_SPECS)[number] = 'ECC_NIST_P256') =>
  (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT', Description: 'sdk test' }))).KeyMetadata!;

describe('DeriveSharedSecret through the SDK equals crypto.diffieHellman on the client side', () => {
  it.each(KEY_SPECS)('%s', async (keySpec) => {
    const key = await newKey(keySpec);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    const ours = createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
    for (let i = 0; i < 3; i++) {
      const peer = generateKeyPairSync('ec', { namedCurve: CURVES[keySpec].opensslName });
      const response = await kms.send(
        new DeriveSharedSecretCommand({
          KeyId: key.Arn,
          KeyAgreementAlgorithm: 'ECDH',
          PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
        }),
      );
      const expected = diffieHellman({ privateKey: peer.privateKey, publicKey: ours });
      expect(Buffer.from(response.SharedSecret!).toString('hex')).toBe(expected.toString('hex'));
      expect(response.SharedSecret!.length).toBe(CURVES[keySpec].fieldBytes);
      expect(response).toMatchObject({
        KeyId: `arn:verenc:${ACCOUNT}:key/${key.KeyId}`,
        KeyAgreementAlgorithm: 'ECDH',
        KeyOrigin: 'AWS_KMS',
      });
    }
  });
});

describe('key operations through the SDK', () => {
  it('CreateKey, DescribeKey, GetPublicKey, DisableKey, EnableKey, ScheduleKeyDeletion, CancelKeyDeletion', async () => {
    const key = await newKey('ECC_NIST_P384');
    expect(key).toMatchObject({
      AWSAccountId: ACCOUNT,
      Arn: `arn:verenc:${ACCOUNT}:key/${key.KeyId}`,
      KeySpec: 'ECC_NIST_P384',
      // QKMS answers the spec page's name for AWS's KEY_AGREEMENT usage (accepted on input as a synonym).
      KeyUsage: 'DERIVE_SHARED_SECRET',
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'AWS_KMS',
      KeyAgreementAlgorithms: ['ECDH'],
    });
    expect(key.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(key.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);

    const described = await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    expect(described.KeyMetadata).toMatchObject({ KeyId: key.KeyId, Description: 'sdk test' });

    const publicKey = await kms.send(new GetPublicKeyCommand({ KeyId: key.Arn }));
    expect(publicKey).toMatchObject({ KeyId: key.Arn, KeySpec: 'ECC_NIST_P384', KeyUsage: 'DERIVE_SHARED_SECRET' });
    expect(
      createPublicKey({ key: Buffer.from(publicKey.PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyDetails
        ?.namedCurve,
    ).toBe('secp384r1');

    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata).toMatchObject({
      KeyState: 'Disabled',
      Enabled: false,
    });
    await kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.KeyState).toBe('Enabled');

    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyId: key.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const cancelled = await kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(cancelled.KeyId).toContain(key.KeyId);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('CreateAlias, UpdateAlias, ListAliases, DeleteAlias; an alias works as KeyId', async () => {
    const first = await newKey();
    const second = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sdk-demo', TargetKeyId: first.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sdk-demo' }))).KeyMetadata?.KeyId).toBe(first.KeyId);
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/sdk-demo', TargetKeyId: second.KeyId }));
    const listed = await kms.send(new ListAliasesCommand({ KeyId: second.KeyId }));
    expect(listed.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/sdk-demo',
        TargetKeyId: second.KeyId,
        AliasArn: `arn:verenc:${ACCOUNT}:alias/sdk-demo`,
      }),
    ]);
    expect(listed.Aliases![0]!.CreationDate).toBeInstanceOf(Date);
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/sdk-demo' }));
    expect((await kms.send(new ListAliasesCommand({ KeyId: second.KeyId }))).Aliases).toEqual([]);
  });

  it('TagResource, ListResourceTags, UntagResource', async () => {
    const key = await newKey();
    await kms.send(
      new TagResourceCommand({
        KeyId: key.KeyId,
        Tags: [
          { TagKey: 'team', TagValue: 'red' },
          { TagKey: 'env', TagValue: 'lab' },
        ],
      }),
    );
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags).toEqual([
      { TagKey: 'env', TagValue: 'lab' },
      { TagKey: 'team', TagValue: 'red' },
    ]);
    await kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['env'] }));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags).toEqual([
      { TagKey: 'team', TagValue: 'red' },
    ]);
  });
});

describe('paging with Limit and Marker', () => {
  it('ListKeys pages through every key exactly once, by hand and with the SDK paginator', async () => {
    for (let i = 0; i < 5; i++) await newKey();
    const all = (await kms.send(new ListKeysCommand({}))).Keys!.map((k) => k.KeyId!);
    expect(all.length).toBeGreaterThanOrEqual(5);

    const seen: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await kms.send(new ListKeysCommand({ Limit: 2, Marker }));
      expect(page.Keys!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Keys!.map((k) => k.KeyId!));
      expect(page.Truncated).toBe(page.NextMarker !== undefined);
      Marker = page.NextMarker;
      pages++;
    } while (Marker !== undefined && pages < 100);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));

    const viaPaginator: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 3 }, {}))
      viaPaginator.push(...page.Keys!.map((k) => k.KeyId!));
    expect(viaPaginator).toEqual(all);
  });

  it('ListAliases and ListResourceTags page too', async () => {
    const key = await newKey();
    for (const n of [1, 2, 3])
      await kms.send(new CreateAliasCommand({ AliasName: `alias/page-${n}`, TargetKeyId: key.KeyId }));
    const first = await kms.send(new ListAliasesCommand({ KeyId: key.KeyId, Limit: 2 }));
    expect(first).toMatchObject({ Truncated: true });
    const rest = await kms.send(new ListAliasesCommand({ KeyId: key.KeyId, Limit: 2, Marker: first.NextMarker }));
    expect([...first.Aliases!, ...rest.Aliases!].map((a) => a.AliasName)).toEqual([
      'alias/page-1',
      'alias/page-2',
      'alias/page-3',
    ]);
    expect(rest.Truncated).toBe(false);

    await kms.send(
      new TagResourceCommand({ KeyId: key.KeyId, Tags: ['a', 'b', 'c'].map((k) => ({ TagKey: k, TagValue: k })) }),
    );
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2 }));
    const more = await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2, Marker: tags.NextMarker }));
    expect([...tags.Tags!, ...more.Tags!].map((t) => t.TagKey)).toEqual(['a', 'b', 'c']);
  });
});

describe("QKMS's own operations over the endpoint (signed raw requests: the SDK has no commands for them)", () => {
  it('GetKeychainStatus, ListKeyDetails, InspectPublicKey, ImportKey', async () => {
    expect((await e.raw({ target: 'TrentService.GetKeychainStatus' })).json).toEqual({ Status: 'READY', Message: '' });

    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const inspected = await e.raw({
      target: 'TrentService.InspectPublicKey',
      body: JSON.stringify({
        PublicKey: Buffer.from(peer.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
      }),
    });
    expect(inspected.json).toMatchObject({ Format: 'PEM', KeySpec: 'ECC_NIST_P256', Compressed: false });

    const own = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const imported = await e.raw({
      target: 'TrentService.ImportKey',
      body: JSON.stringify({
        KeySpec: 'ECC_SECG_P256K1',
        PrivateKey: own.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      }),
    });
    expect(imported.status).toBe(200);
    const keyId = (imported.json.KeyMetadata as { KeyId: string }).KeyId;
    const other = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const derived = await kms.send(
      new DeriveSharedSecretCommand({
        KeyId: keyId,
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: other.publicKey.export({ type: 'spki', format: 'der' }),
      }),
    );
    expect(
      Buffer.from(derived.SharedSecret!).equals(
        diffieHellman({ privateKey: own.privateKey, publicKey: other.publicKey }),
      ),
    ).toBe(true);

    const details = await e.raw({ target: 'TrentService.ListKeyDetails', body: JSON.stringify({ Limit: 1000 }) });
    expect((details.json.Keys as { KeyId: string }[]).some((k) => k.KeyId === keyId)).toBe(true);
  });

  it('logs one line per request with operation, key id, status and duration, and no secret', async () => {
    const key = await newKey();
    await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    const line = e.lines.find((l) => l.includes('DescribeKey') && l.includes(key.KeyId!));
    expect(line).toMatch(/^\S+Z DescribeKey key=[0-9a-f-]{36} 200 OK \d+\.\dms$/);
    const everything = e.lines.join('\n');
    expect(everything).not.toContain(e.credentials.secretAccessKey);
    expect(everything).not.toContain('Signature=');
  });
});
