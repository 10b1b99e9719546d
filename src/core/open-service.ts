// Opens the service the way the app, the CLI and the endpoint all do, from the environment:
// QKMS_DATA_DIR (the index), QKMS_KEYCHAIN_SERVICE (the keychain service name), QKMS_ACCOUNT_ID (ARNs).
import { QkmsError } from '../shared/errors';
import { defaultDataDir } from './store/data-dir';
import { createKeyStore } from './store/key-store';
import { DEFAULT_KEYCHAIN_SERVICE, KeytarKeychain } from './store/keytar-keychain';
import { createKmsService, type KmsService } from './service/kms-service';

/** The account id ARNs carry when QKMS_ACCOUNT_ID is not set (the spec page's example account). */
export const DEFAULT_ACCOUNT_ID = '111122223333';

export interface ServiceSettings {
  dataDir: string;
  keychainService: string;
  accountId: string;
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
  };
}

export function openService(settings: ServiceSettings): KmsService {
  const keychain = new KeytarKeychain({ service: settings.keychainService });
  return createKmsService({ store: createKeyStore({ dataDir: settings.dataDir, keychain }), accountId: settings.accountId });
}

export function openDefaultService(env: NodeJS.ProcessEnv = process.env): KmsService {
  return openService(settingsFromEnv(env));
}
