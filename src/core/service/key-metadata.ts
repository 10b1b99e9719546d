// KeyMetadata as AWS KMS returns it, from an index record.
import { CURVES } from '../../shared/key-spec';
import type { KeyMetadata } from '../../shared/responses';
import type { KeyRecord } from '../store/types';
import { keyArn, toEpochSeconds, type ServiceContext } from './context';

const DAY_MS = 86_400_000;

export function toKeyMetadata(ctx: ServiceContext, record: KeyRecord): KeyMetadata {
  const metadata: KeyMetadata = {
    AWSAccountId: ctx.accountId,
    KeyId: record.keyId,
    Arn: keyArn(ctx, record.keyId),
    CreationDate: toEpochSeconds(record.creationDate),
    Enabled: record.state === 'Enabled',
    Description: record.description,
    KeyUsage: record.keyUsage,
    KeyState: record.state,
    Origin: record.origin,
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: record.keySpec,
    KeySpec: record.keySpec,
    MultiRegion: false,
  };
  if (record.deletionDate !== undefined) {
    metadata.DeletionDate = toEpochSeconds(record.deletionDate);
    if (record.pendingWindowInDays !== undefined) metadata.PendingDeletionWindowInDays = record.pendingWindowInDays;
  }
  if (record.keyUsage === 'DERIVE_SHARED_SECRET') metadata.KeyAgreementAlgorithms = ['ECDH'];
  else metadata.SigningAlgorithms = [...CURVES[record.keySpec].signingAlgorithms];
  return metadata;
}

export const daysToMs = (days: number): number => days * DAY_MS;
