// What keytar's error messages mean, and the error (with its remedy) QKMS reports for each. keytar
// only gives message strings from libsecret/D-Bus (macOS/Windows: from their keychain APIs), so the
// classification is by message text. These messages carry no secret: keytar never echoes the password.
import { QkmsError } from '../../shared/errors';
import type { KeychainState } from './types';

/** Messages meaning there is no Secret Service to talk to (no D-Bus session, or nothing owns the name). */
const NO_SECRET_SERVICE = [
  /Cannot autolaunch D-Bus/i,
  /org\.freedesktop\.secrets was not provided/i,
  /Could not connect/i,
  /ServiceUnknown/i,
  /Unexpected lack of content trying to read a line/i, // the D-Bus peer closed the connection
  /Object does not exist at path .*\/collection\//i, // a Secret Service with no default keyring
];
const LOCKED = [/locked collection/i, /keychain.*locked/i, /User interaction is not allowed/i];

export function classifyKeychainMessage(message: string): Exclude<KeychainState, 'READY'> | 'OTHER' {
  if (LOCKED.some((re) => re.test(message))) return 'LOCKED';
  if (NO_SECRET_SERVICE.some((re) => re.test(message))) return 'UNAVAILABLE';
  return 'OTHER';
}

export function lockedMessage(keychain: string): string {
  return (
    `${keychain} is locked; unlock it (on Linux: unlock the "login" keyring in Seahorse / "Passwords and Keys", ` +
    'or log in to a desktop session that unlocks it; on macOS: unlock the login keychain) and retry'
  );
}

export function noSecretServiceMessage(keychain: string, detail: string): string {
  return (
    `${keychain} cannot be reached: no Secret Service is running in this session (${detail}); start one ` +
    '(e.g. `gnome-keyring-daemon --start --components=secrets` inside a D-Bus session, or KeePassXC with ' +
    'Secret Service integration), unlock it, and retry'
  );
}

export function timeoutMessage(keychain: string, seconds: number): string {
  return (
    `${keychain} did not answer within ${seconds} s; an unlock prompt is probably waiting unanswered ` +
    '(answer or dismiss it, or unlock the keyring) — or the Secret Service is hung'
  );
}

export function moduleMissingMessage(detail: string): string {
  return (
    `the OS keychain module could not be loaded (${detail}); run \`npm rebuild @github/keytar\`` +
    ' (for the desktop app: rebuild it for Electron with `npx electron-rebuild -f -w @github/keytar`)'
  );
}

/** Turns anything a keytar call threw into the QkmsError QKMS reports. */
export function keychainError(keychain: string, error: unknown): QkmsError {
  if (error instanceof QkmsError) return error;
  const message = shortMessage(error);
  switch (classifyKeychainMessage(message)) {
    case 'LOCKED':
      return new QkmsError('KeyUnavailableException', lockedMessage(keychain));
    case 'UNAVAILABLE':
      return new QkmsError('KeyUnavailableException', noSecretServiceMessage(keychain, message));
    default:
      return new QkmsError('KeyUnavailableException', `${keychain} reported an error: ${message}`);
  }
}

/** The first line of an error's message, bounded, so a native error never floods a response. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
