// One line per command for `qkms --help` and `qkms <command> --help`. A Record over every operation name,
// so a new operation without a summary does not compile.
import type { OperationName } from '../shared/operations';

export const COMMAND_SUMMARIES: Record<OperationName, string> = {
  CreateKey: 'create a key pair; the private key goes to the OS keychain',
  ImportKey: 'import a PKCS#8 private key (PEM or DER file) as an EXTERNAL key (QKMS extension)',
  DescribeKey: "show a key's metadata",
  ListKeys: 'list key ids and ARNs, paged',
  ListKeyDetails: 'list every key with its metadata and aliases (QKMS extension)',
  GetPublicKey: "print a key's public key (base64 DER SubjectPublicKeyInfo)",
  EnableKey: 'allow use of a key again',
  DisableKey: 'stop all use of a key until it is enabled',
  ScheduleKeyDeletion: 'delete a key for good after 7–30 days (default 30)',
  CancelKeyDeletion: 'cancel a scheduled deletion (the key is left Disabled)',
  GetKeychainStatus: 'is the OS keychain ready, locked or unavailable? (QKMS extension)',
  CreateAlias: 'give a key a name: alias/<name>',
  UpdateAlias: 'point an alias at another key of the same type',
  DeleteAlias: 'remove an alias (the key stays)',
  ListAliases: 'list aliases, of all keys or of one',
  TagResource: 'add or overwrite tags on a key',
  UntagResource: 'remove tags from a key',
  ListResourceTags: "list a key's tags",
  DeriveSharedSecret: "ECDH: the raw shared secret of a key and a peer's public key",
  InspectPublicKey: 'say what a public key is: format, curve, compressed (QKMS extension)',
  GetParametersForImport: 'wrapped import, step 1 — through `qkms serve` only (see below)',
  ImportKeyMaterial: 'wrapped import, step 2 — through `qkms serve` only (see below)',
};

/**
 * AWS's wrapped import keeps its one-time import token, and the RSA key that unwraps the material, in the
 * memory of the process that issued it. Each `qkms` command is a new process, so the flow can only work
 * against a running endpoint; `qkms import-key` is the one-step local import.
 */
export const ENDPOINT_ONLY: ReadonlySet<OperationName> = new Set(['GetParametersForImport', 'ImportKeyMaterial']);

export const ENDPOINT_ONLY_REASON =
  'the wrapped import keeps its one-time token in the memory of the process that issued it, and every qkms ' +
  'command is a new process. Run `qkms serve` and use `aws kms get-parameters-for-import` / ' +
  '`import-key-material` (or an SDK) with --endpoint-url; or import a PKCS#8 file directly with `qkms import-key`.';
