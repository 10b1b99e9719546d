// Response shapes, exactly as the JSON 1.1 wire carries them: timestamps are epoch seconds (numbers),
// blobs are base64 strings.
import type { KeyAgreementAlgorithm, KeySpec, KeyState, KeyUsage } from './key-spec';

export interface Tag {
  TagKey: string;
  TagValue: string;
}

export interface KeyMetadata {
  AWSAccountId: string;
  KeyId: string;
  Arn: string;
  CreationDate: number;
  Enabled: boolean;
  Description: string;
  KeyUsage: KeyUsage;
  KeyState: KeyState;
  DeletionDate?: number;
  PendingDeletionWindowInDays?: number;
  Origin: 'AWS_KMS' | 'EXTERNAL';
  KeyManager: 'CUSTOMER';
  CustomerMasterKeySpec: KeySpec;
  KeySpec: KeySpec;
  KeyAgreementAlgorithms?: KeyAgreementAlgorithm[];
  SigningAlgorithms?: string[];
  MultiRegion: false;
}

export interface KeyMetadataResponse {
  KeyMetadata: KeyMetadata;
}

export interface Paged {
  NextMarker?: string;
  Truncated: boolean;
}

export interface ListKeysResponse extends Paged {
  Keys: { KeyId: string; KeyArn: string }[];
}

export interface KeyDetails extends KeyMetadata {
  AliasNames: string[];
}

export interface ListKeyDetailsResponse extends Paged {
  Keys: KeyDetails[];
}

export interface GetPublicKeyResponse {
  KeyId: string;
  PublicKey: string;
  CustomerMasterKeySpec: KeySpec;
  KeySpec: KeySpec;
  KeyUsage: KeyUsage;
  KeyAgreementAlgorithms?: KeyAgreementAlgorithm[];
  SigningAlgorithms?: string[];
}

export interface ScheduleKeyDeletionResponse {
  KeyId: string;
  DeletionDate: number;
  KeyState: KeyState;
  PendingWindowInDays: number;
}

export interface KeyIdResponse {
  KeyId: string;
}

export interface AliasListEntry {
  AliasName: string;
  AliasArn: string;
  TargetKeyId: string;
  CreationDate: number;
  LastUpdatedDate: number;
}

export interface ListAliasesResponse extends Paged {
  Aliases: AliasListEntry[];
}

export interface ListResourceTagsResponse extends Paged {
  Tags: Tag[];
}

export interface DeriveSharedSecretResponse {
  KeyId: string;
  /** The raw shared secret Z; omitted when RecipientInfo was given. */
  SharedSecret?: string;
  CiphertextForRecipient?: string;
  KeyAgreementAlgorithm: KeyAgreementAlgorithm;
  KeyOrigin: 'AWS_KMS' | 'EXTERNAL';
}

export interface InspectPublicKeyResponse {
  Format: 'DER_SPKI' | 'PEM' | 'SEC1_POINT' | 'JWK';
  KeySpec: KeySpec;
  Compressed: boolean;
  /** The key normalised to base64 DER SPKI. */
  PublicKey: string;
}

export interface GetKeychainStatusResponse {
  Status: 'READY' | 'LOCKED' | 'UNAVAILABLE';
  Message: string;
}

export interface GetParametersForImportResponse {
  KeyId: string;
  ImportToken: string;
  PublicKey: string;
  ParametersValidTo: number;
}

export type EmptyResponse = Record<string, never>;
