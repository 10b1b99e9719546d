// The operation names alone, free of the zod schemas, so the preload (and anything else that only needs
// names) does not bundle the validation code. operations.ts checks that its schema table has exactly these.
export const OPERATION_NAMES = [
  'CreateKey',
  'ImportKey',
  'DescribeKey',
  'ListKeys',
  'ListKeyDetails',
  'GetPublicKey',
  'EnableKey',
  'DisableKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'GetKeychainStatus',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'ListAliases',
  'TagResource',
  'UntagResource',
  'ListResourceTags',
  'DeriveSharedSecret',
  'InspectPublicKey',
  'GetParametersForImport',
  'ImportKeyMaterial',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
