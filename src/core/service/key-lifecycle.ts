// The key-lifecycle operations: enable, disable, schedule and cancel deletion, and the sweep that deletes
// a key for good once its deletion date has passed.
import { QkmsError } from '../../shared/errors';
import type { ValidRequests } from '../../shared/operations';
import type { EmptyResponse, KeyIdResponse, ScheduleKeyDeletionResponse } from '../../shared/responses';
import { keyArn, toEpochSeconds, type ServiceContext } from './context';
import { daysToMs } from './key-metadata';
import { refuseUnlessEnabledOrDisabled } from './key-state-rules';
import { findKey } from './resolve-key';

const DEFAULT_PENDING_WINDOW_DAYS = 30;

export async function enableKey(ctx: ServiceContext, req: ValidRequests['EnableKey']): Promise<EmptyResponse> {
  await ctx.store.update((doc) => {
    const record = findKey(ctx, doc, req.KeyId);
    refuseUnlessEnabledOrDisabled(record, 'EnableKey');
    record.state = 'Enabled';
  });
  return {};
}

export async function disableKey(ctx: ServiceContext, req: ValidRequests['DisableKey']): Promise<EmptyResponse> {
  await ctx.store.update((doc) => {
    const record = findKey(ctx, doc, req.KeyId);
    refuseUnlessEnabledOrDisabled(record, 'DisableKey');
    record.state = 'Disabled';
  });
  return {};
}

export async function scheduleKeyDeletion(
  ctx: ServiceContext,
  req: ValidRequests['ScheduleKeyDeletion'],
): Promise<ScheduleKeyDeletionResponse> {
  const days = req.PendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS;
  const record = await ctx.store.update((doc) => {
    const found = findKey(ctx, doc, req.KeyId);
    if (found.state === 'PendingDeletion') {
      throw new QkmsError('KMSInvalidStateException', `Key ${found.keyId} is already pending deletion`);
    }
    found.state = 'PendingDeletion';
    found.deletionDate = ctx.now() + daysToMs(days);
    found.pendingWindowInDays = days;
    return { ...found };
  });
  return {
    KeyId: keyArn(ctx, record.keyId),
    DeletionDate: toEpochSeconds(record.deletionDate ?? 0),
    KeyState: 'PendingDeletion',
    PendingWindowInDays: days,
  };
}

export async function cancelKeyDeletion(
  ctx: ServiceContext,
  req: ValidRequests['CancelKeyDeletion'],
): Promise<KeyIdResponse> {
  const keyId = await ctx.store.update((doc) => {
    const record = findKey(ctx, doc, req.KeyId);
    if (record.state !== 'PendingDeletion') {
      throw new QkmsError(
        'KMSInvalidStateException',
        `Key ${record.keyId} is not pending deletion (its state is ${record.state})`,
      );
    }
    // AWS KMS leaves a key whose deletion was cancelled Disabled (or PendingImport if it never had material).
    record.state = record.publicKeySpki === undefined ? 'PendingImport' : 'Disabled';
    delete record.deletionDate;
    delete record.pendingWindowInDays;
    return record.keyId;
  });
  return { KeyId: keyArn(ctx, keyId) };
}

/** Deletes, for good, every key whose deletion date has passed. Reads the index only when nothing is due. */
export async function sweepDueDeletions(ctx: ServiceContext): Promise<void> {
  const doc = await ctx.store.read();
  const now = ctx.now();
  const due = Object.values(doc.keys).filter(
    (record) => record.state === 'PendingDeletion' && record.deletionDate !== undefined && record.deletionDate <= now,
  );
  for (const record of due) await ctx.store.destroyKey(record.keyId);
}
