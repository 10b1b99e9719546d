// The endpoint's one credential pair: QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY when both are set;
// otherwise a pair generated on first use and kept in the OS keychain (account `endpoint-credentials`
// under the QKMS keychain service), so `qkms serve` and the app show the same pair every time.
import { randomBytes } from 'node:crypto';
import { QkmsError } from '../shared/errors';
import type { Keychain } from '../core/store/keychain';
import type { EndpointCredentials } from './sigv4-verify';

export const CREDENTIALS_ACCOUNT = 'endpoint-credentials';

export interface ResolvedCredentials extends EndpointCredentials {
  source: 'environment' | 'keychain' | 'generated';
}

/** What resolveCredentials needs of a keychain (KeytarKeychain has it). */
export type CredentialKeychain = Pick<Keychain, 'getSecret' | 'setSecret'>;

// An access key id ends up inside `Credential=<id>/<date>/...`, so it may not hold '/', ',', '=' or spaces.
const ACCESS_KEY_ID = /^[A-Za-z0-9._-]{1,128}$/;
const SECRET = /^\S{1,256}$/;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** AWS-shaped: 20 characters, `QKMS` + 16 random base32; a 40-character random secret. */
export function generateCredentials(): EndpointCredentials {
  const idBytes = randomBytes(16);
  const accessKeyId = 'QKMS' + Array.from(idBytes, (b) => BASE32[b & 31]).join('');
  return { accessKeyId, secretAccessKey: randomBytes(30).toString('base64') };
}

function fromEnvironment(env: NodeJS.ProcessEnv): EndpointCredentials | undefined {
  const accessKeyId = env.QKMS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.QKMS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    throw new QkmsError(
      'ValidationException',
      'Set both QKMS_ACCESS_KEY_ID and QKMS_SECRET_ACCESS_KEY, or neither (a pair is then kept in the OS keychain)',
    );
  }
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw new QkmsError(
      'ValidationException',
      'QKMS_ACCESS_KEY_ID must be 1 to 128 letters, digits, dots, underscores or hyphens',
    );
  }
  // Never quote the secret, not even in an error.
  if (!SECRET.test(secretAccessKey))
    throw new QkmsError('ValidationException', 'QKMS_SECRET_ACCESS_KEY must be 1 to 256 characters without spaces');
  return { accessKeyId, secretAccessKey };
}

function parseStored(stored: string): EndpointCredentials {
  try {
    const value = JSON.parse(stored) as Partial<EndpointCredentials>;
    if (
      typeof value.accessKeyId === 'string' &&
      ACCESS_KEY_ID.test(value.accessKeyId) &&
      typeof value.secretAccessKey === 'string' &&
      SECRET.test(value.secretAccessKey)
    ) {
      return { accessKeyId: value.accessKeyId, secretAccessKey: value.secretAccessKey };
    }
  } catch {
    // fall through: unreadable
  }
  throw new QkmsError(
    'KeyUnavailableException',
    `The endpoint credentials in the OS keychain (account "${CREDENTIALS_ACCOUNT}") are unreadable; delete that item to have a new pair generated`,
  );
}

export async function resolveCredentials(
  env: NodeJS.ProcessEnv,
  keychain: CredentialKeychain,
): Promise<ResolvedCredentials> {
  const fromEnv = fromEnvironment(env);
  if (fromEnv) return { ...fromEnv, source: 'environment' };
  // A locked Linux keyring also answers null; the write below then fails with the "locked" message, so
  // an existing pair is never silently replaced.
  const stored = await keychain.getSecret(CREDENTIALS_ACCOUNT);
  if (stored !== null) return { ...parseStored(stored), source: 'keychain' };
  const generated = generateCredentials();
  await keychain.setSecret(CREDENTIALS_ACCOUNT, JSON.stringify(generated));
  return { ...generated, source: 'generated' };
}
