// AWS's wrapped import flow through the unmodified SDK: CreateKey Origin EXTERNAL → GetParametersForImport
// → the PKCS#8 key wrapped on the client side with each WrappingAlgorithm → ImportKeyMaterial → Enabled,
// and the imported key derives what crypto.diffieHellman derives. Then each way an import can be refused.
import {
  CreateKeyCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  GetParametersForImportCommand,
  GetPublicKeyCommand,
  ImportKeyMaterialCommand,
  KMSClient,
  KMSServiceException,
  type AlgorithmSpec,
  type WrappingKeySpec,
} from '@aws-sdk/client-kms';
import {
  constants,
  createCipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURVES, type KeySpec } from '../../src/shared/key-spec';
import { createKmsService } from '../../src/core/service/kms-service';
import { createKeyStore } from '../../src/core/store/key-store';
import { KeytarKeychain } from '../../src/core/store/keytar-keychain';
import { generateCredentials, startServer } from '../../src/server';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

let e: TestEndpoint;
let kms: KMSClient;
beforeAll(async () => {
  e = await startTestEndpoint('sdk-import');
  kms = e.client();
});
afterAll(() => e.stop());

const ALGORITHMS = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256',
] as const;

/** What a client does with the parameters: RSA-OAEP, or RSA-OAEP(AES-256 key) || AES-KWP(material). */
function wrap(algorithm: AlgorithmSpec, wrappingPublicKey: Uint8Array, material: Buffer): Buffer {
  const key = createPublicKey({ key: Buffer.from(wrappingPublicKey), format: 'der', type: 'spki' });
  const oaepHash = algorithm.endsWith('SHA_256') ? 'sha256' : 'sha1';
  const oaep = (data: Buffer) => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return oaep(material);
  const aesKey = randomBytes(32);
  const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('a65959a6', 'hex'));
  return Buffer.concat([oaep(aesKey), kwp.update(material), kwp.final()]);
}

const pkcs8Of = (keySpec: KeySpec) => {
  const pair = generateKeyPairSync('ec', { namedCurve: CURVES[keySpec].opensslName });
  return { ...pair, der: pair.privateKey.export({ type: 'pkcs8', format: 'der' }) };
};

async function pendingKey(client: KMSClient, KeySpec: KeySpec): Promise<string> {
  const { KeyMetadata } = await client.send(
    new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT', Origin: 'EXTERNAL' }),
  );
  expect(KeyMetadata).toMatchObject({ KeyState: 'PendingImport', Origin: 'EXTERNAL', Enabled: false });
  return KeyMetadata!.KeyId!;
}

async function parameters(
  client: KMSClient,
  KeyId: string,
  WrappingAlgorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256',
  WrappingKeySpec: WrappingKeySpec = 'RSA_2048',
) {
  const p = await client.send(new GetParametersForImportCommand({ KeyId, WrappingAlgorithm, WrappingKeySpec }));
  return { publicKey: p.PublicKey!, token: p.ImportToken!, validTo: p.ParametersValidTo!, keyId: p.KeyId! };
}

async function sdkError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KMSServiceException) return error.name;
    throw error;
  }
  return 'no error';
}

const derivedMatches = async (keyId: string, own: { privateKey: KeyObject }, keySpec: KeySpec) => {
  const peer = generateKeyPairSync('ec', { namedCurve: CURVES[keySpec].opensslName });
  const response = await kms.send(
    new DeriveSharedSecretCommand({
      KeyId: keyId,
      KeyAgreementAlgorithm: 'ECDH',
      PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
    }),
  );
  return Buffer.from(response.SharedSecret!).equals(
    diffieHellman({ privateKey: own.privateKey, publicKey: peer.publicKey }),
  );
};

describe('the wrapped import flow, with each wrapping algorithm', () => {
  const cases = ALGORITHMS.map(
    (algorithm, i) =>
      [algorithm, (['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1'] as const)[i]!] as const,
  );

  it.each(cases)('%s (a %s key)', async (algorithm, keySpec) => {
    const keyId = await pendingKey(kms, keySpec);
    const p = await parameters(kms, keyId, algorithm);
    expect(p.keyId).toBe(`arn:verenc:123456789012:key/${keyId}`);
    expect(Math.abs(p.validTo.getTime() - (Date.now() + 86_400_000))).toBeLessThan(60_000);
    const own = pkcs8Of(keySpec);
    await kms.send(
      new ImportKeyMaterialCommand({
        KeyId: keyId,
        ImportToken: p.token,
        EncryptedKeyMaterial: wrap(algorithm, p.publicKey, own.der),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'EXTERNAL',
    });
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(Buffer.from(PublicKey!).equals(own.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(await derivedMatches(keyId, own, keySpec)).toBe(true);
  });

  it.each(['RSA_3072', 'RSA_4096'] as const)('hands out a %s wrapping key when asked', async (spec) => {
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const p = await parameters(kms, keyId, 'RSA_AES_KEY_WRAP_SHA_256', spec);
    expect(
      createPublicKey({ key: Buffer.from(p.publicKey), format: 'der', type: 'spki' }).asymmetricKeyDetails
        ?.modulusLength,
    ).toBe(Number(spec.slice(4)));
    const own = pkcs8Of('ECC_NIST_P256');
    await kms.send(
      new ImportKeyMaterialCommand({
        KeyId: keyId,
        ImportToken: p.token,
        EncryptedKeyMaterial: wrap('RSA_AES_KEY_WRAP_SHA_256', p.publicKey, own.der),
      }),
    );
    expect(await derivedMatches(keyId, own, 'ECC_NIST_P256')).toBe(true);
  });
});

describe('refused imports', () => {
  it('a token is one-time: reused after success or after a failed attempt it is InvalidImportTokenException', async () => {
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const p = await parameters(kms, keyId);
    const garbage = randomBytes(256);
    expect(
      await sdkError(
        kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.token, EncryptedKeyMaterial: garbage })),
      ),
    ).toBe('InvalidCiphertextException');
    const material = wrap('RSAES_OAEP_SHA_256', p.publicKey, pkcs8Of('ECC_NIST_P256').der);
    expect(
      await sdkError(
        kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.token, EncryptedKeyMaterial: material })),
      ),
    ).toBe('InvalidImportTokenException');
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('PendingImport');
  });

  it('an unknown token, or one issued for another key, is InvalidImportTokenException', async () => {
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const other = await pendingKey(kms, 'ECC_NIST_P256');
    const p = await parameters(kms, other);
    const material = wrap('RSAES_OAEP_SHA_256', p.publicKey, pkcs8Of('ECC_NIST_P256').der);
    const send = (ImportToken: Uint8Array) =>
      kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken, EncryptedKeyMaterial: material }));
    expect(await sdkError(send(randomBytes(32)))).toBe('InvalidImportTokenException');
    expect(await sdkError(send(p.token))).toBe('InvalidImportTokenException');
    // Not consumed by the misdirected attempt: it still works for its own key.
    await kms.send(
      new ImportKeyMaterialCommand({ KeyId: other, ImportToken: p.token, EncryptedKeyMaterial: material }),
    );
  });

  it('key material of another curve, or not a PKCS#8 EC key, is IncorrectKeyMaterialException and the key stays PendingImport', async () => {
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const materials: [Buffer, string][] = [
      [pkcs8Of('ECC_NIST_P384').der, 'is a P-384 (ECC_NIST_P384) key, but key'],
      [Buffer.from('not a key at all'), 'not a usable PKCS#8 EC private key'],
      [
        generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }),
        'not a usable PKCS#8 EC private key',
      ],
    ];
    for (const [material, says] of materials) {
      const p = await parameters(kms, keyId, 'RSA_AES_KEY_WRAP_SHA_1');
      const request = new ImportKeyMaterialCommand({
        KeyId: keyId,
        ImportToken: p.token,
        EncryptedKeyMaterial: wrap('RSA_AES_KEY_WRAP_SHA_1', p.publicKey, material),
      });
      const error = await kms.send(request).then(
        () => undefined,
        (err: Error) => err,
      );
      expect(error?.name).toBe('IncorrectKeyMaterialException');
      expect(error?.message).toContain(says);
    }
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('PendingImport');
  });

  it('material wrapped with another algorithm than the token was issued for is InvalidCiphertextException', async () => {
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const p = await parameters(kms, keyId, 'RSAES_OAEP_SHA_256');
    const material = wrap('RSAES_OAEP_SHA_1', p.publicKey, pkcs8Of('ECC_NIST_P256').der);
    expect(
      await sdkError(
        kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.token, EncryptedKeyMaterial: material })),
      ),
    ).toBe('InvalidCiphertextException');
  });

  it('refuses keys that are not EXTERNAL or not PendingImport, expiring material, and derivation before import', async () => {
    const own = (await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' })))
      .KeyMetadata!.KeyId!;
    expect(await sdkError(parameters(kms, own))).toBe('UnsupportedOperationException');
    const keyId = await pendingKey(kms, 'ECC_NIST_P256');
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(
      await sdkError(
        kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer })),
      ),
    ).toBe('KMSInvalidStateException');
    const p = await parameters(kms, keyId);
    const material = wrap('RSAES_OAEP_SHA_256', p.publicKey, pkcs8Of('ECC_NIST_P256').der);
    expect(
      await sdkError(
        kms.send(
          new ImportKeyMaterialCommand({
            KeyId: keyId,
            ImportToken: p.token,
            EncryptedKeyMaterial: material,
            ExpirationModel: 'KEY_MATERIAL_EXPIRES',
            ValidTo: new Date(Date.now() + 86_400_000),
          }),
        ),
      ),
    ).toBe('UnsupportedOperationException');
    await kms.send(
      new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.token, EncryptedKeyMaterial: material }),
    );
    expect(await sdkError(parameters(kms, keyId))).toBe('KMSInvalidStateException');
    expect(await sdkError(parameters(kms, keyId, 'RSAES_OAEP_SHA_256', 'RSA_1024' as WrappingKeySpec))).toBe(
      'ValidationException',
    );
  });
});

describe('token expiry (a service with a movable clock)', () => {
  it('a token used after 24 h is ExpiredImportTokenException', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'qkms-expiry-'));
    let clock = Date.now();
    const keychain = new KeytarKeychain({ service: `qkms-test-expiry-${randomBytes(4).toString('hex')}` });
    const service = createKmsService({
      store: createKeyStore({ dataDir, keychain }),
      accountId: '123456789012',
      now: () => clock,
    });
    const credentials = generateCredentials();
    const server = await startServer({ service, credentials, log: () => {} });
    const client = new KMSClient({
      endpoint: `http://127.0.0.1:${server.port}`,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials,
    });
    try {
      const keyId = await pendingKey(client, 'ECC_NIST_P256');
      const p = await parameters(client, keyId);
      const material = wrap('RSAES_OAEP_SHA_256', p.publicKey, pkcs8Of('ECC_NIST_P256').der);
      clock += 86_400_000 + 1_000;
      expect(
        await sdkError(
          client.send(
            new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.token, EncryptedKeyMaterial: material }),
          ),
        ),
      ).toBe('ExpiredImportTokenException');
    } finally {
      client.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
