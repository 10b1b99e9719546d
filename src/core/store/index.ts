// The key store's public surface.
export type { Keychain } from './keychain';
export { privateKeyAccount } from './keychain';
export {
  KeytarKeychain,
  DEFAULT_KEYCHAIN_SERVICE,
  type KeytarKeychainOptions,
  type KeytarApi,
} from './keytar-keychain';
export { DEFAULT_KEYCHAIN_TIMEOUT_MS } from './bounded-call';
export { DEFAULT_KEYCHAIN_WORKER_PATH } from './keychain-worker-client';
export { createKeyStore, type KeyStoreOptions, type FileKeyStore } from './key-store';
export { defaultDataDir, QKMS_APP_NAME } from './data-dir';
export { INDEX_FILE_NAME } from './metadata-index';
export type * from './types';
