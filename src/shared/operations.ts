// The operation registry: each TrentService operation's name, request schema and response type, side by
// side, so no adapter keeps a list of its own. The IPC channel is `qkms:<Operation>`, the HTTP target
// `TrentService.<Operation>`, the CLI command the kebab-case name.
import type { z } from 'zod';
import * as keys from './requests/key-requests';
import * as aliasesAndTags from './requests/alias-tag-requests';
import * as derive from './requests/derive-requests';
import type * as R from './responses';
import { OPERATION_NAMES, type OperationName } from './operation-names';

export { OPERATION_NAMES, type OperationName };

export const REQUEST_SCHEMAS = {
  CreateKey: keys.CreateKeyRequest,
  ImportKey: keys.ImportKeyRequest,
  DescribeKey: keys.DescribeKeyRequest,
  ListKeys: keys.ListKeysRequest,
  ListKeyDetails: keys.ListKeyDetailsRequest,
  GetPublicKey: keys.GetPublicKeyRequest,
  EnableKey: keys.EnableKeyRequest,
  DisableKey: keys.DisableKeyRequest,
  ScheduleKeyDeletion: keys.ScheduleKeyDeletionRequest,
  CancelKeyDeletion: keys.CancelKeyDeletionRequest,
  GetKeychainStatus: keys.GetKeychainStatusRequest,
  CreateAlias: aliasesAndTags.CreateAliasRequest,
  UpdateAlias: aliasesAndTags.UpdateAliasRequest,
  DeleteAlias: aliasesAndTags.DeleteAliasRequest,
  ListAliases: aliasesAndTags.ListAliasesRequest,
  TagResource: aliasesAndTags.TagResourceRequest,
  UntagResource: aliasesAndTags.UntagResourceRequest,
  ListResourceTags: aliasesAndTags.ListResourceTagsRequest,
  DeriveSharedSecret: derive.DeriveSharedSecretRequest,
  InspectPublicKey: derive.InspectPublicKeyRequest,
  GetParametersForImport: derive.GetParametersForImportRequest,
  ImportKeyMaterial: derive.ImportKeyMaterialRequest,
  // `satisfies` checks both directions: a name without a schema is missing, a schema without a name is excess.
} as const satisfies Record<OperationName, z.ZodType>;

export type Requests = { [Op in OperationName]: z.input<(typeof REQUEST_SCHEMAS)[Op]> };
/** Requests after validation (what the core receives). */
export type ValidRequests = { [Op in OperationName]: z.output<(typeof REQUEST_SCHEMAS)[Op]> };

export interface Responses {
  CreateKey: R.KeyMetadataResponse;
  ImportKey: R.KeyMetadataResponse;
  DescribeKey: R.KeyMetadataResponse;
  ListKeys: R.ListKeysResponse;
  ListKeyDetails: R.ListKeyDetailsResponse;
  GetPublicKey: R.GetPublicKeyResponse;
  EnableKey: R.EmptyResponse;
  DisableKey: R.EmptyResponse;
  ScheduleKeyDeletion: R.ScheduleKeyDeletionResponse;
  CancelKeyDeletion: R.KeyIdResponse;
  GetKeychainStatus: R.GetKeychainStatusResponse;
  CreateAlias: R.EmptyResponse;
  UpdateAlias: R.EmptyResponse;
  DeleteAlias: R.EmptyResponse;
  ListAliases: R.ListAliasesResponse;
  TagResource: R.EmptyResponse;
  UntagResource: R.EmptyResponse;
  ListResourceTags: R.ListResourceTagsResponse;
  DeriveSharedSecret: R.DeriveSharedSecretResponse;
  InspectPublicKey: R.InspectPublicKeyResponse;
  GetParametersForImport: R.GetParametersForImportResponse;
  ImportKeyMaterial: R.EmptyResponse;
}

/** Operations that are QKMS's own, not AWS KMS's (the HTTP endpoint serves them too). */
export const QKMS_EXTENSIONS: readonly OperationName[] = [
  'ImportKey',
  'ListKeyDetails',
  'GetKeychainStatus',
  'InspectPublicKey',
];

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && Object.hasOwn(REQUEST_SCHEMAS, value);
}
