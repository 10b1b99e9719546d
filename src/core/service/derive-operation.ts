// DeriveSharedSecret (the spec page) and InspectPublicKey (the GUI's live note on a pasted key).
import { QkmsError } from '../../shared/errors';
import type { ValidRequests } from '../../shared/operations';
import type { DeriveSharedSecretResponse, InspectPublicKeyResponse } from '../../shared/responses';
import { deriveRawSecret } from '../crypto/ecdh';
import { readPublicKeyBytes } from '../crypto/public-key-intake';
import { encryptForRecipient, readRecipientKey } from '../crypto/recipient';
import { keyArn, type ServiceContext } from './context';
import { refuseUnlessUsable } from './key-state-rules';
import { loadPrivateKey } from './sealed-key';
import { findKey } from './resolve-key';

export async function deriveSharedSecret(
  ctx: ServiceContext,
  req: ValidRequests['DeriveSharedSecret'],
): Promise<DeriveSharedSecretResponse> {
  const record = findKey(ctx, await ctx.store.read(), req.KeyId);
  refuseUnlessUsable(record, 'DeriveSharedSecret');
  if (record.keyUsage !== 'DERIVE_SHARED_SECRET') {
    throw new QkmsError(
      'InvalidKeyUsageException',
      `Key ${record.keyId} has KeyUsage ${record.keyUsage}; DeriveSharedSecret needs a key with KeyUsage DERIVE_SHARED_SECRET`,
    );
  }
  if (req.Recipient !== undefined) {
    throw new QkmsError(
      'UnsupportedOperationException',
      'Recipient (an attestation document) cannot be verified on an offline workstation; pass RecipientInfo, the base64 DER SubjectPublicKeyInfo of an RSA public key, instead',
    );
  }
  // Everything about the request is checked before the keychain is touched.
  const peer = readPublicKeyBytes(Buffer.from(req.PublicKey, 'base64'), record.keySpec);
  const recipient = req.RecipientInfo === undefined ? undefined : Buffer.from(req.RecipientInfo, 'base64');
  if (recipient !== undefined) readRecipientKey(recipient);
  if (req.DryRun) {
    throw new QkmsError(
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun parameter was set',
    );
  }
  const privateScalar = await loadPrivateKey(ctx.store, record);
  let secret: Uint8Array | undefined;
  try {
    secret = deriveRawSecret(record.keySpec, privateScalar, peer.point);
    const base = { KeyId: keyArn(ctx, record.keyId), KeyAgreementAlgorithm: 'ECDH' as const, KeyOrigin: record.origin };
    return recipient === undefined
      ? { ...base, SharedSecret: Buffer.from(secret).toString('base64') }
      : { ...base, CiphertextForRecipient: Buffer.from(encryptForRecipient(recipient, secret)).toString('base64') };
  } finally {
    // Never keep key material longer than the call; the response copy is the caller's to handle.
    privateScalar.fill(0);
    secret?.fill(0);
  }
}

export async function inspectPublicKey(
  ctx: ServiceContext,
  req: ValidRequests['InspectPublicKey'],
): Promise<InspectPublicKeyResponse> {
  const expected = req.KeyId === undefined ? undefined : findKey(ctx, await ctx.store.read(), req.KeyId).keySpec;
  const intake = readPublicKeyBytes(Buffer.from(req.PublicKey, 'base64'), expected);
  return {
    Format: intake.format,
    KeySpec: intake.keySpec,
    Compressed: intake.compressed,
    PublicKey: Buffer.from(intake.spki).toString('base64'),
  };
}
