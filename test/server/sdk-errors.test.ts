// Errors as the unmodified SDK sees them: each one the real service raises surfaces as the SDK exception
// of that name with HTTP 400; and every error code of the contract round-trips (name, status, fault)
// through a stand-in service, including the server faults (500) and an unexpected throw.
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import * as sdk from '@aws-sdk/client-kms';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../src/shared/errors';
import type { KmsService } from '../../src/core/service/kms-service';
import { generateCredentials, startServer } from '../../src/server';
import { startTestEndpoint, type TestEndpoint, sdkError } from './support/endpoint';

let e: TestEndpoint;
let kms: KMSClient;
beforeAll(async () => {
  e = await startTestEndpoint('sdk-errors');
  kms = e.client();
});
afterAll(() => e.stop());

const p256Peer = () =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
const newKey = async (KeyUsage = 'KEY_AGREEMENT') =>
  (await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: KeyUsage as 'KEY_AGREEMENT' })))
    .KeyMetadata!.KeyId!;
const derive = (KeyId: string, extra: Partial<ConstructorParameters<typeof DeriveSharedSecretCommand>[0]> = {}) =>
  kms.send(new DeriveSharedSecretCommand({ KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: p256Peer(), ...extra }));

describe('errors of the real service surface as the SDK exception of the same name', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['NotFoundException', () => kms.send(new DescribeKeyCommand({ KeyId: randomUUID() }))],
    [
      'DisabledException',
      async () => {
        const id = await newKey();
        await kms.send(new DisableKeyCommand({ KeyId: id }));
        return derive(id);
      },
    ],
    [
      'KMSInvalidStateException',
      async () => {
        const id = await newKey();
        await kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));
        return kms.send(new EnableKeyCommand({ KeyId: id }));
      },
    ],
    ['InvalidKeyUsageException', async () => derive(await newKey('SIGN_VERIFY'))],
    ['InvalidPublicKeyException', async () => derive(await newKey(), { PublicKey: Buffer.from([4, 1, 2, 3]) })],
    [
      'InvalidPublicKeyException',
      async () => {
        const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({
          type: 'spki',
          format: 'der',
        });
        return derive(await newKey(), { PublicKey: p384 });
      },
    ],
    ['ValidationException', () => kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048' }))],
    ['DryRunOperationException', async () => derive(await newKey(), { DryRun: true })],
    [
      'UnsupportedOperationException',
      async () =>
        derive(await newKey(), {
          Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: Buffer.from('doc') },
        }),
    ],
    [
      'AlreadyExistsException',
      async () => {
        const id = await newKey();
        await kms.send(new CreateAliasCommand({ AliasName: 'alias/twice', TargetKeyId: id }));
        return kms.send(new CreateAliasCommand({ AliasName: 'alias/twice', TargetKeyId: id }));
      },
    ],
    [
      'InvalidAliasNameException',
      async () => kms.send(new CreateAliasCommand({ AliasName: 'no-prefix', TargetKeyId: await newKey() })),
    ],
    ['InvalidMarkerException', () => kms.send(new ListKeysCommand({ Marker: 'not-a-marker' }))],
    ['InvalidArnException', () => kms.send(new DescribeKeyCommand({ KeyId: 'arn:verenc:123456789012:thing/x' }))],
    [
      'TagException',
      async () =>
        kms.send(new TagResourceCommand({ KeyId: await newKey(), Tags: [{ TagKey: 'aws:reserved', TagValue: 'x' }] })),
    ],
  ];

  it.each(cases)('%s', async (name, request) => {
    const error = await sdkError(request());
    expect(error.name).toBe(name);
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message.length).toBeGreaterThan(10);
    // The SDK's own class when the KMS model has one.
    const modelled = (sdk as unknown as Record<string, unknown>)[name];
    if (typeof modelled === 'function') expect(error).toBeInstanceOf(modelled);
  });
});

describe('every error code of the contract round-trips through the SDK (stand-in service)', () => {
  let fake: { port: number; close(): Promise<void> };
  let client: KMSClient;
  let answer: () => never | { ok: false; error: { __type: ErrorCode; message: string } };
  const credentials = generateCredentials();

  beforeAll(async () => {
    const service: KmsService = { accountId: '123456789012', call: async () => answer() as never };
    fake = await startServer({ service, credentials, log: () => {} });
    client = new sdk.KMSClient({
      endpoint: `http://127.0.0.1:${fake.port}`,
      region: 'ap-south-1',
      maxAttempts: 1,
      credentials,
    });
  });
  afterAll(async () => {
    client.destroy();
    await fake.close();
  });

  const SERVER_FAULTS = new Set(['KMSInternalException', 'DependencyTimeoutException', 'KeyUnavailableException']);
  const statusOf = (code: string) =>
    code === 'RequestEntityTooLargeException' ? 413 : SERVER_FAULTS.has(code) ? 500 : 400;

  it.each(ERROR_CODES)('%s', async (code) => {
    answer = () => ({ ok: false, error: { __type: code, message: `a ${code} message` } });
    const error = await sdkError(client.send(new DescribeKeyCommand({ KeyId: 'alias/any' })));
    expect(error.name).toBe(code);
    expect(error.message).toBe(`a ${code} message`);
    expect(error.$metadata.httpStatusCode).toBe(statusOf(code));
    if (statusOf(code) === 500) expect(error.$fault).toBe('server');
  });

  it('a service that throws becomes a KMSInternalException with a reference and none of the thrown text', async () => {
    answer = () => {
      throw new Error('secret bytes 0xdeadbeef');
    };
    const error = await sdkError(client.send(new DescribeKeyCommand({ KeyId: 'alias/any' })));
    expect(error.name).toBe('KMSInternalException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.message).toMatch(/^An internal error occurred \(reference [0-9a-f-]{36}\)$/);
    expect(error.message).not.toContain('deadbeef');
  });
});
