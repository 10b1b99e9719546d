// Every error the QKMS API can return, with the description the API page gives it. One union, used by
// the core (to throw), every adapter (to serialise) and the renderer (to explain).

export const ERROR_DESCRIPTIONS = {
  // Errors of the DeriveSharedSecret page.
  DependencyTimeoutException: 'The system timed out while trying to fulfill the request.',
  DisabledException: 'The request was rejected because the specified KMS key is disabled.',
  InvalidKeyUsageException:
    'The request was rejected because the specified KeyId value cannot be used for this operation.',
  InvalidPublicKeyException:
    'The request was rejected because the provided public key is invalid or incompatible with the KMS key.',
  KMSInternalException: 'The request was rejected because an internal error occurred.',
  KMSInvalidStateException: 'The request was rejected because the key state is not valid for this operation.',
  NotFoundException: 'The request was rejected because the specified entity or resource could not be found.',
  UnsupportedOperationException:
    'The request was rejected because a specified parameter is not supported or a specified resource is not valid for this operation.',
  // Errors of the other TrentService operations (AWS KMS's wording).
  DryRunOperationException: 'The request would have succeeded, but the DryRun parameter was set.',
  ValidationException: 'The request was rejected because a parameter is missing, of the wrong type or out of range.',
  AlreadyExistsException: 'The request was rejected because it attempted to create a resource that already exists.',
  InvalidAliasNameException: 'The request was rejected because the specified alias name is not valid.',
  InvalidArnException: 'The request was rejected because a specified ARN, or an ARN in a key policy, is not valid.',
  InvalidMarkerException:
    'The request was rejected because the marker that specifies where pagination should next begin is not valid.',
  TagException: 'The request was rejected because one or more tags are not valid.',
  KeyUnavailableException:
    'The request was rejected because the key material is not available: the OS keychain is locked or unreachable.',
  InvalidImportTokenException: 'The request was rejected because the provided import token is invalid or expired.',
  ExpiredImportTokenException: 'The request was rejected because the specified import token is expired.',
  IncorrectKeyMaterialException:
    'The key material in the request is, expired, invalid, or is not the same key material that was previously imported.',
  InvalidCiphertextException: 'The request was rejected because the encrypted key material could not be decrypted.',
  // Protocol and authentication errors of the loopback endpoint.
  UnknownOperationException: 'The X-Amz-Target header names no TrentService operation.',
  SerializationException: 'The request body is not valid JSON of the expected shape.',
  MissingAuthenticationTokenException: 'The request is not signed.',
  IncompleteSignatureException: 'The request signature is malformed or incomplete.',
  InvalidSignatureException:
    'The request signature does not match, or the request time is too far from the server time.',
  UnrecognizedClientException: 'The access key id in the request is not known.',
  AccessDeniedException: 'The request was refused.',
  RequestEntityTooLargeException: 'The request body is larger than the endpoint accepts.',
  ThrottlingException: 'Too many requests are being served at once; retry shortly.',
} as const;

export type ErrorCode = keyof typeof ERROR_DESCRIPTIONS;
export const ERROR_CODES = Object.keys(ERROR_DESCRIPTIONS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_DESCRIPTIONS, value);
}

/** An error as it travels: the JSON 1.1 error body, the IPC error value, the CLI's stderr. */
export interface WireError {
  __type: ErrorCode;
  message: string;
}

/** What crosses IPC: errors are values, because a thrown Error keeps only its message across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** An error the service means to return. Anything else thrown is reported as KMSInternalException. */
export class QkmsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  toWire(): WireError {
    return { __type: this.code, message: this.message };
  }
}
