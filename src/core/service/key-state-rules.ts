// Which key states an operation may act on; one place, so every operation words the refusal alike.
import { QkmsError } from '../../shared/errors';
import type { KeyRecord } from '../store/types';

export function refuseIfPendingDeletion(record: KeyRecord, operation: string): void {
  if (record.state === 'PendingDeletion') {
    throw new QkmsError(
      'KMSInvalidStateException',
      `${operation} is not valid for key ${record.keyId}: it is pending deletion`,
    );
  }
}

export function refuseUnlessEnabledOrDisabled(record: KeyRecord, operation: string): void {
  if (record.state === 'PendingDeletion' || record.state === 'PendingImport') {
    throw new QkmsError(
      'KMSInvalidStateException',
      `${operation} is not valid for key ${record.keyId}: its state is ${record.state}`,
    );
  }
}

/** A key usable for cryptography: Enabled, with its key material. */
export function refuseUnlessUsable(record: KeyRecord, operation: string): void {
  if (record.state === 'Disabled')
    throw new QkmsError('DisabledException', `Key ${record.keyId} is disabled; enable it to use it for ${operation}`);
  refuseUnlessEnabledOrDisabled(record, operation);
}
