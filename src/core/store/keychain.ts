// The OS keychain as the key store sees it: secrets by account name under one service. An interface, so
// the store can be tested in plain Node with a stub and the native keytar module stays behind one adapter.
import type { KeychainStatus } from './types';

export interface Keychain {
  /** Which keychain this is (service name), for error messages. */
  readonly description: string;
  /**
   * The secret stored under `account`, or null when there is none. Beware: a LOCKED Linux keyring also
   * answers null (keytar cannot tell), so a null for an item that must exist calls for `status()`.
   */
  getSecret(account: string): Promise<string | null>;
  /** Stores or replaces the secret. Throws QkmsError (KeyUnavailableException, DependencyTimeoutException). */
  setSecret(account: string, secret: string): Promise<void>;
  /** true when an item was deleted; false when there was none — or when the keyring is locked (see above). */
  deleteSecret(account: string): Promise<boolean>;
  /** Whether the keychain can be used right now, found by a harmless probe write. Never throws. */
  status(): Promise<KeychainStatus>;
}

/** The keychain account holding a key's private scalar (base64). */
export function privateKeyAccount(keyId: string): string {
  return `key/${keyId}`;
}
