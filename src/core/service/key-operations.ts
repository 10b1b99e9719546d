// Creating, importing, describing and listing keys.
import { randomUUID } from 'node:crypto';
import { QkmsError } from '../../shared/errors';
import { canonicalKeyUsage, type KeySpec, type KeyUsage, type KeyUsageInput } from '../../shared/key-spec';
import type { ValidRequests } from '../../shared/operations';
import type {
  GetKeychainStatusResponse,
  GetPublicKeyResponse,
  KeyMetadataResponse,
  ListKeyDetailsResponse,
  ListKeysResponse,
} from '../../shared/responses';
import { generatePrivateScalar, publicPointFromScalar } from '../crypto/curves';
import { readPkcs8PrivateKey } from '../crypto/private-key';
import { encodeEcSpki } from '../crypto/spki';
import type { KeyRecord, Tag } from '../store/types';
import { keyArn, type ServiceContext } from './context';
import { toKeyMetadata } from './key-metadata';
import { pageOf } from './paging';
import { loadPrivateKey, sealPrivateKey } from './sealed-key';
import { findKey } from './resolve-key';
import { checkTags } from './tag-rules';

/** The usage a create/import request asks for; AWS's non-ECC usages make no sense with an ECC key spec. */
export function usageFor(keySpec: KeySpec, usage: KeyUsageInput | undefined): KeyUsage {
  const canonical = canonicalKeyUsage(usage ?? 'DERIVE_SHARED_SECRET');
  if (canonical === null) {
    throw new QkmsError(
      'ValidationException',
      `KeyUsage ${usage} cannot be used with KeySpec ${keySpec}: ECC keys support DERIVE_SHARED_SECRET (or KEY_AGREEMENT) and SIGN_VERIFY`,
    );
  }
  return canonical;
}

interface NewKeyFields {
  KeySpec: KeySpec;
  KeyUsage?: KeyUsageInput;
  Description?: string;
  Tags?: Tag[];
}

function newRecord(ctx: ServiceContext, req: NewKeyFields, origin: KeyRecord['origin']): KeyRecord {
  return {
    keyId: randomUUID(),
    keySpec: req.KeySpec,
    keyUsage: usageFor(req.KeySpec, req.KeyUsage),
    origin,
    state: 'Enabled',
    description: req.Description ?? '',
    creationDate: ctx.now(),
    tags: checkTags(req.Tags ?? []),
  };
}

/** Lists a new key, its private key sealed to its curve and public key (see sealed-key.ts). */
async function storeNewKey(
  ctx: ServiceContext,
  record: KeyRecord,
  publicPoint: Uint8Array,
  privateScalar: Uint8Array,
): Promise<void> {
  record.publicKeySpki = Buffer.from(encodeEcSpki(record.keySpec, publicPoint)).toString('base64');
  const sealed = sealPrivateKey(record.keySpec, record.publicKeySpki, privateScalar);
  try {
    await ctx.store.createKey(record, sealed);
  } finally {
    sealed.fill(0);
  }
}

export async function createKey(ctx: ServiceContext, req: ValidRequests['CreateKey']): Promise<KeyMetadataResponse> {
  const record = newRecord(ctx, req, req.Origin ?? 'AWS_KMS');
  if (record.origin === 'EXTERNAL') {
    // AWS's wrapped import: the key waits for GetParametersForImport + ImportKeyMaterial.
    record.state = 'PendingImport';
    await ctx.store.update((doc) => {
      doc.keys[record.keyId] = record;
    });
    return { KeyMetadata: toKeyMetadata(ctx, record) };
  }
  const privateScalar = generatePrivateScalar(record.keySpec);
  try {
    await storeNewKey(ctx, record, publicPointFromScalar(record.keySpec, privateScalar), privateScalar);
  } finally {
    privateScalar.fill(0);
  }
  return { KeyMetadata: toKeyMetadata(ctx, record) };
}

export async function importKey(ctx: ServiceContext, req: ValidRequests['ImportKey']): Promise<KeyMetadataResponse> {
  const fileBytes = Buffer.from(req.PrivateKey, 'base64');
  const { keySpec, privateScalar, publicPoint } = readPkcs8PrivateKey(fileBytes);
  fileBytes.fill(0);
  try {
    if (req.KeySpec !== undefined && keySpec !== req.KeySpec) {
      throw new QkmsError(
        'ValidationException',
        `The private key is a ${keySpec} key, but KeySpec ${req.KeySpec} was requested`,
      );
    }
    const record = newRecord(ctx, { ...req, KeySpec: keySpec }, 'EXTERNAL');
    await storeNewKey(ctx, record, publicPoint, privateScalar);
    return { KeyMetadata: toKeyMetadata(ctx, record) };
  } finally {
    privateScalar.fill(0);
  }
}

export async function describeKey(
  ctx: ServiceContext,
  req: ValidRequests['DescribeKey'],
): Promise<KeyMetadataResponse> {
  return { KeyMetadata: toKeyMetadata(ctx, findKey(ctx, await ctx.store.read(), req.KeyId)) };
}

export async function getPublicKey(
  ctx: ServiceContext,
  req: ValidRequests['GetPublicKey'],
): Promise<GetPublicKeyResponse> {
  const record = findKey(ctx, await ctx.store.read(), req.KeyId);
  if (record.publicKeySpki === undefined) {
    throw new QkmsError(
      'KMSInvalidStateException',
      `Key ${record.keyId} has no key material yet (its state is ${record.state})`,
    );
  }
  // The index is a plain file: before handing out a public key, check it is the one of the private key in
  // the keychain, so an altered index cannot make peers agree secrets with someone else's key.
  (await loadPrivateKey(ctx.store, record)).fill(0);
  const metadata = toKeyMetadata(ctx, record);
  return {
    KeyId: metadata.Arn,
    PublicKey: record.publicKeySpki,
    CustomerMasterKeySpec: record.keySpec,
    KeySpec: record.keySpec,
    KeyUsage: record.keyUsage,
    ...(metadata.KeyAgreementAlgorithms && { KeyAgreementAlgorithms: metadata.KeyAgreementAlgorithms }),
    ...(metadata.SigningAlgorithms && { SigningAlgorithms: metadata.SigningAlgorithms }),
  };
}

export async function listKeys(ctx: ServiceContext, req: ValidRequests['ListKeys']): Promise<ListKeysResponse> {
  const page = pageOf('ListKeys', Object.keys((await ctx.store.read()).keys), (id) => id, req.Limit, req.Marker);
  return {
    Keys: page.items.map((id) => ({ KeyId: id, KeyArn: keyArn(ctx, id) })),
    Truncated: page.Truncated,
    ...(page.NextMarker && { NextMarker: page.NextMarker }),
  };
}

export async function listKeyDetails(
  ctx: ServiceContext,
  req: ValidRequests['ListKeyDetails'],
): Promise<ListKeyDetailsResponse> {
  const doc = await ctx.store.read();
  const aliasesByKey = new Map<string, string[]>();
  for (const alias of Object.values(doc.aliases)) {
    aliasesByKey.set(alias.targetKeyId, [...(aliasesByKey.get(alias.targetKeyId) ?? []), alias.aliasName]);
  }
  const page = pageOf(
    'ListKeyDetails',
    Object.values(doc.keys),
    (record) => record.keyId,
    req.Limit ?? 1000,
    req.Marker,
  );
  return {
    Keys: page.items.map((record) => ({
      ...toKeyMetadata(ctx, record),
      AliasNames: (aliasesByKey.get(record.keyId) ?? []).sort(),
    })),
    Truncated: page.Truncated,
    ...(page.NextMarker && { NextMarker: page.NextMarker }),
  };
}

export async function getKeychainStatus(ctx: ServiceContext): Promise<GetKeychainStatusResponse> {
  const status = await ctx.store.keychainStatus();
  return { Status: status.state, Message: status.message };
}
