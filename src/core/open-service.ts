// Opens the service the way the app, the CLI and the endpoint all do, from the environment:
// QKMS_DATA_DIR (the index), QKMS_KEYCHAIN_SERVICE (the keychain service name), QKMS_ACCOUNT_ID (ARNs),
// QKMS_KEYCHAIN_TIMEOUT_MS (the bound on each keychain call).
import { QkmsError } from '../shared/errors';
import { DEFAULT_KEYCHAIN_TIMEOUT_MS } from './store/bounded-call';
import { defaultDataDir } from './store/data-dir';
import { createKeyStore } from './store/key-store';
import { DEFAULT_KEYCHAIN_SERVICE, KeytarKeychain } from './store/keytar-keychain';
import { createKmsService, type KmsService } from './service/kms-service';

/** The account id ARNs carry when QKMS_ACCOUNT_ID is not set (the spec page's example account). */
export const DEFAULT_ACCOUNT_ID = '111122223333';

/** The range QKMS_KEYCHAIN_TIMEOUT_MS accepts: long enough to start the keychain worker, at most 10 min. */
export const KEYCHAIN_TIMEOUT_RANGE_MS = { min: 100, max: 600_000 } as const;

export interface ServiceSettings {
  dataDir: string;
  keychainService: string;
  accountId: string;
  /** Bound on each keychain call (default 10 s); a call that runs out of it is DependencyTimeoutException. */
  keychainTimeoutMs?: number;
}

function keychainTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env.QKMS_KEYCHAIN_TIMEOUT_MS?.trim();
  if (!text) return DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const ms = Number(text);
  const { min, max } = KEYCHAIN_TIMEOUT_RANGE_MS;
  if (!/^\d+$/.test(text) || ms < min || ms > max) {
    throw new QkmsError(
      'ValidationException',
      `QKMS_KEYCHAIN_TIMEOUT_MS must be a whole number of milliseconds from ${min} to ${max}, got '${text.slice(0, 40)}'`,
    );
  }
  return ms;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const accountId = env.QKMS_ACCOUNT_ID?.trim() || DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) {
    throw new QkmsError('ValidationException', `QKMS_ACCOUNT_ID must be 12 digits, got '${accountId.slice(0, 40)}'`);
  }
  return {
    dataDir: defaultDataDir(env),
    keychainService: env.QKMS_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE,
    accountId,
    keychainTimeoutMs: keychainTimeoutFromEnv(env),
  };
}

/** The keychain the settings name; the service's keys and the endpoint's credentials both live there. */
export function openKeychain(settings: ServiceSettings): KeytarKeychain {
  return new KeytarKeychain({ service: settings.keychainService, timeoutMs: settings.keychainTimeoutMs });
}

export function openService(settings: ServiceSettings): KmsService {
  const keychain = openKeychain(settings);
  return createKmsService({
    store: createKeyStore({ dataDir: settings.dataDir, keychain }),
    accountId: settings.accountId,
  });
}

export function openDefaultService(env: NodeJS.ProcessEnv = process.env): KmsService {
  return openService(settingsFromEnv(env));
}
