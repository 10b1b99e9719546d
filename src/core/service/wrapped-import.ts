// AWS's wrapped import flow for keys created with Origin EXTERNAL (state PendingImport):
//   GetParametersForImport → a fresh RSA wrapping key pair and a one-time import token (24 h), bound to
//   the key and the wrapping algorithm; the private half stays in this process's memory only.
//   ImportKeyMaterial → redeem the token, unwrap the PKCS#8 EC private key, check it is of the key's
//   KeySpec, and hand it to the store (attachPrivateKey), which moves the key to Enabled.
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { QkmsError } from '../../shared/errors';
import { CURVES } from '../../shared/key-spec';
import type { ValidRequests } from '../../shared/operations';
import type { EmptyResponse, GetParametersForImportResponse } from '../../shared/responses';
import { readPkcs8PrivateKey, type Pkcs8PrivateKey } from '../crypto/private-key';
import { encodeEcSpki } from '../crypto/spki';
import type { KeyRecord } from '../store/types';
import { keyArn, toEpochSeconds, type ServiceContext } from './context';
import { createImportTokenState, IMPORT_TOKEN_LIFETIME_MS, type ImportTokenState } from './import-tokens';
import { unwrapKeyMaterial } from './import-unwrap';
import { findKey } from './resolve-key';
import { sealPrivateKey } from './sealed-key';

// Async: an RSA-4096 key pair takes about a second, which must not stall the event loop (the endpoint).
const generateRsaKeyPair = promisify(generateKeyPair);

const MODULUS_BITS = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 } as const;

/** The per-service token state; created on first use when the context was built without one. */
function tokensOf(ctx: ServiceContext): ImportTokenState {
  ctx.importTokens ??= createImportTokenState();
  return ctx.importTokens;
}

/** The key the request names, if it is an EXTERNAL key still waiting for its key material. */
function pendingImportKey(record: KeyRecord, operation: string): KeyRecord {
  if (record.origin !== 'EXTERNAL') {
    throw new QkmsError(
      'UnsupportedOperationException',
      `${operation} needs a key created with Origin EXTERNAL; key ${record.keyId} has Origin ${record.origin}`,
    );
  }
  if (record.state !== 'PendingImport') {
    const why = record.state === 'PendingDeletion' ? 'it is pending deletion' : 'it already has its key material';
    throw new QkmsError(
      'KMSInvalidStateException',
      `${operation} is not valid for key ${record.keyId}: its state is ${record.state} (${why})`,
    );
  }
  return record;
}

export async function getParametersForImport(
  ctx: ServiceContext,
  req: ValidRequests['GetParametersForImport'],
): Promise<GetParametersForImportResponse> {
  const record = pendingImportKey(findKey(ctx, await ctx.store.read(), req.KeyId), 'GetParametersForImport');
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', {
    modulusLength: MODULUS_BITS[req.WrappingKeySpec],
    publicExponent: 0x10001,
  });
  const now = ctx.now();
  const expiresAt = now + IMPORT_TOKEN_LIFETIME_MS;
  const token = tokensOf(ctx).issue(
    { keyId: record.keyId, algorithm: req.WrappingAlgorithm, wrappingKey: privateKey, expiresAt },
    now,
  );
  return {
    KeyId: keyArn(ctx, record.keyId),
    ImportToken: token,
    PublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    ParametersValidTo: toEpochSeconds(expiresAt),
  };
}

/** ImportKeyMaterial's expiration options: QKMS key material never expires. */
function checkExpiration(req: ValidRequests['ImportKeyMaterial']): void {
  if (req.ExpirationModel === 'KEY_MATERIAL_EXPIRES') {
    throw new QkmsError(
      'UnsupportedOperationException',
      'ExpirationModel KEY_MATERIAL_EXPIRES is not supported: QKMS key material does not expire; use KEY_MATERIAL_DOES_NOT_EXPIRE (the default)',
    );
  }
  if (req.ValidTo !== undefined) {
    throw new QkmsError(
      'ValidationException',
      'ValidTo must be omitted when ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE',
    );
  }
}

/** The decrypted material as an EC key of `record`'s KeySpec, or IncorrectKeyMaterialException. */
function readMaterial(record: KeyRecord, material: Buffer): Pkcs8PrivateKey {
  let key: Pkcs8PrivateKey;
  try {
    key = readPkcs8PrivateKey(material);
  } catch (error) {
    if (!(error instanceof QkmsError)) throw error;
    // The reader's messages describe structure only (never key bytes).
    throw new QkmsError(
      'IncorrectKeyMaterialException',
      `The decrypted key material is not a usable PKCS#8 EC private key: ${error.message}`,
    );
  }
  if (key.keySpec !== record.keySpec) {
    key.privateScalar.fill(0);
    throw new QkmsError(
      'IncorrectKeyMaterialException',
      `The key material is a ${CURVES[key.keySpec].displayName} (${key.keySpec}) key, but key ${record.keyId} has KeySpec ${record.keySpec} (${CURVES[record.keySpec].displayName})`,
    );
  }
  return key;
}

export async function importKeyMaterial(
  ctx: ServiceContext,
  req: ValidRequests['ImportKeyMaterial'],
): Promise<EmptyResponse> {
  const record = pendingImportKey(findKey(ctx, await ctx.store.read(), req.KeyId), 'ImportKeyMaterial');
  checkExpiration(req);
  // One attempt per token, whatever its outcome: a decryption oracle gets one query per token.
  const ticket = tokensOf(ctx).redeem(req.ImportToken, record.keyId, ctx.now());
  const encrypted = Buffer.from(req.EncryptedKeyMaterial, 'base64');
  const material = unwrapKeyMaterial(ticket.wrappingKey, ticket.algorithm, encrypted);
  let key: Pkcs8PrivateKey | undefined;
  let sealed: Uint8Array | undefined;
  try {
    key = readMaterial(record, material);
    const publicKeySpki = Buffer.from(encodeEcSpki(key.keySpec, key.publicPoint)).toString('base64');
    sealed = sealPrivateKey(key.keySpec, publicKeySpki, key.privateScalar);
    await ctx.store.attachPrivateKey(record.keyId, sealed, (stored) => {
      stored.state = 'Enabled';
      stored.publicKeySpki = publicKeySpki;
    });
  } finally {
    sealed?.fill(0);
    // Never keep key material longer than the call.
    material.fill(0);
    key?.privateScalar.fill(0);
  }
  return {};
}
