// One DeriveSharedSecret exchange as it went over the wire, kept for the results panel and the
// request / response view, plus which form field an error is about.
import type { Requests } from '../../../shared/operations';
import type { Result, WireError } from '../../../shared/errors';
import type { DeriveSharedSecretResponse } from '../../../shared/responses';

export type DeriveRequest = Requests['DeriveSharedSecret'];
export type DeriveField = 'KeyId' | 'PublicKey' | 'RecipientInfo';

export interface Exchange {
  request: DeriveRequest;
  outcome: Result<DeriveSharedSecretResponse>;
}

const KEY_ERRORS = new Set([
  'NotFoundException',
  'DisabledException',
  'KMSInvalidStateException',
  'InvalidKeyUsageException',
  'InvalidArnException',
]);

/** The field an error points at, when one can be named; otherwise the error is about the request. */
export function errorField(error: WireError): DeriveField | undefined {
  const mentioned = (['RecipientInfo', 'PublicKey', 'KeyId'] as const).find((f) => error.message.includes(f));
  if (error.__type === 'ValidationException') return mentioned;
  if (KEY_ERRORS.has(error.__type)) return 'KeyId';
  if (error.__type === 'InvalidPublicKeyException')
    return mentioned === 'RecipientInfo' ? 'RecipientInfo' : 'PublicKey';
  if (error.__type === 'UnsupportedOperationException') return mentioned;
  return undefined;
}
