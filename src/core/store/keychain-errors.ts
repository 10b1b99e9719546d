// What keytar's error messages mean, and the error (with its remedy) QKMS reports for each. keytar
// only gives message strings from libsecret/D-Bus (macOS/Windows: from their keychain APIs), so the
// classification is by message text. These messages carry no secret: keytar never echoes the password.
import { QkmsError } from '../../shared/errors';

// libsecret/GDBus quote names with “curly” quotes; tests and older versions may use straight ones.
const Q = '["“”]?';

/** Messages meaning there is no Secret Service to talk to (no D-Bus session, or nothing owns the name). */
const NO_SECRET_SERVICE = [
  /Cannot autolaunch D-Bus/i,
  /org\.freedesktop\.secrets was not provided/i,
  /Could not connect/i,
  /ServiceUnknown/i,
  /Unexpected lack of content trying to read a line/i, // the D-Bus peer closed the connection
];
/**
 * A Secret Service IS running, but the keyring to store in cannot be used from here: the default
 * ("login") collection does not exist (creating it needs a prompt) or is locked, and no unlock/create
 * prompt can be shown (no desktop session, no gcr prompter).
 */
const NO_USABLE_KEYRING = [
  new RegExp(`Object does not exist at path ${Q}/org/freedesktop/secrets/(collection|aliases)/`, 'i'),
  /org\.gnome\.keyring\.(System)?Prompter/i, // the prompter could not be started
];
/** GDBus's messages for a DBUS_SESSION_BUS_ADDRESS it cannot parse (gio/gdbusaddress.c). */
const MALFORMED_BUS_ADDRESS = [
  new RegExp(`^Address element ${Q}.*${Q} does not contain a colon`, 'i'),
  new RegExp(`^Unknown or unsupported transport ${Q}.*${Q} for address`, 'i'),
  /^Key\/Value pair \d+, .* in address element .* does not contain an equal sign/i,
  /^Error unescaping key or value in Key\/Value pair/i,
  /^Error in address .*(attribute is missing or malformed|transport requires)/i,
  /^Address .* is invalid \(need exactly one of/i,
  /^The given address is empty/i,
];
const LOCKED = [/locked collection/i, /keychain.*locked/i, /User interaction is not allowed/i];

export type KeychainTrouble = 'LOCKED' | 'NO_USABLE_KEYRING' | 'MALFORMED_BUS_ADDRESS' | 'UNAVAILABLE' | 'OTHER';

export function classifyKeychainMessage(message: string): KeychainTrouble {
  if (LOCKED.some((re) => re.test(message))) return 'LOCKED';
  if (MALFORMED_BUS_ADDRESS.some((re) => re.test(message))) return 'MALFORMED_BUS_ADDRESS';
  // Before NO_SECRET_SERVICE: a prompter that is not provided is also a "ServiceUnknown".
  if (NO_USABLE_KEYRING.some((re) => re.test(message))) return 'NO_USABLE_KEYRING';
  if (NO_SECRET_SERVICE.some((re) => re.test(message))) return 'UNAVAILABLE';
  return 'OTHER';
}

export function lockedMessage(keychain: string): string {
  return (
    `${keychain} is locked; unlock it (on Linux: unlock the "login" keyring in Seahorse / "Passwords and Keys", ` +
    'or log in to a desktop session that unlocks it — without a desktop, `gnome-keyring-daemon --unlock` reads ' +
    'its password on stdin; on macOS: unlock the login keychain) and retry'
  );
}

export function noSecretServiceMessage(keychain: string, detail: string): string {
  return (
    `${keychain} cannot be reached: no Secret Service is running in this session (${detail}); start one ` +
    '(e.g. `gnome-keyring-daemon --start --components=secrets` inside a D-Bus session, or KeePassXC with ' +
    'Secret Service integration), unlock it, and retry'
  );
}

export function noUsableKeyringMessage(keychain: string, detail: string): string {
  return (
    `${keychain} cannot be used: a Secret Service is running, but its login keyring does not exist or cannot be ` +
    `unlocked here — no unlock prompt can be shown in this session (${detail}); create or unlock the login ` +
    'keyring — in a desktop session with its keyring tool (Seahorse / "Passwords and Keys"), or without one ' +
    'with `gnome-keyring-daemon --unlock` (reads the password on stdin; creates the login keyring if there is ' +
    'none) — and retry'
  );
}

export function malformedBusAddressMessage(keychain: string, detail: string): string {
  return (
    `${keychain} cannot be reached: DBUS_SESSION_BUS_ADDRESS is malformed (${detail}); it must be a D-Bus ` +
    'address such as `unix:path=/run/user/1000/bus` (in a desktop session: `unix:path=$XDG_RUNTIME_DIR/bus`) — ' +
    'fix or unset it, or run QKMS inside a session bus with `dbus-run-session -- <command>`, and retry'
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
    case 'NO_USABLE_KEYRING':
      return new QkmsError('KeyUnavailableException', noUsableKeyringMessage(keychain, message));
    case 'MALFORMED_BUS_ADDRESS':
      return new QkmsError('KeyUnavailableException', malformedBusAddressMessage(keychain, message));
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
