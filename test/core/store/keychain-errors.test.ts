// The classifier of keytar's messages, with the exact texts libsecret and GDBus give (collected from
// keytar 7 on gnome-keyring 42 / GLib 2.72: they quote names with “curly” quotes), and the remedy each
// class is reported with.
import { describe, expect, it } from 'vitest';
import { classifyKeychainMessage, keychainError } from '../../../src/core/store/keychain-errors';

const KEYCHAIN = 'the OS keychain (service "qkms")';

describe('classifyKeychainMessage', () => {
  it.each([
    // A running Secret Service without a usable login keyring (none exists, and no prompt can create or
    // unlock one here): gnome-keyring answers the write to the "default" alias with this.
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'NO_USABLE_KEYRING'],
    ['Object does not exist at path "/org/freedesktop/secrets/collection/login"', 'NO_USABLE_KEYRING'],
    ['Object does not exist at path “/org/freedesktop/secrets/aliases/default”', 'NO_USABLE_KEYRING'],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.gnome.keyring.SystemPrompter was not provided by any .service files',
      'NO_USABLE_KEYRING',
    ],
    // A malformed DBUS_SESSION_BUS_ADDRESS (gio/gdbusaddress.c), each as keytar reports it.
    ['Address element “garbage” does not contain a colon (:)', 'MALFORMED_BUS_ADDRESS'],
    ['Address element "garbage" does not contain a colon (:)', 'MALFORMED_BUS_ADDRESS'],
    ['Unknown or unsupported transport “foo” for address “foo:bar=1”', 'MALFORMED_BUS_ADDRESS'],
    [
      'Key/Value pair 0, “path”, in address element “unix:path” does not contain an equal sign',
      'MALFORMED_BUS_ADDRESS',
    ],
    [
      'Error in address “unix:” — the unix transport requires exactly one of the keys “path” or “abstract” to be set',
      'MALFORMED_BUS_ADDRESS',
    ],
    [
      'Error in address “tcp:host=localhost,port=abc” — the port attribute is missing or malformed',
      'MALFORMED_BUS_ADDRESS',
    ],
    ['The given address is empty', 'MALFORMED_BUS_ADDRESS'],
    // The classes that were there before keep their meaning.
    ['Cannot create an item in a locked collection', 'LOCKED'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'UNAVAILABLE'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'UNAVAILABLE'],
    ['Could not connect: No such file or directory', 'UNAVAILABLE'],
    ['Unexpected lack of content trying to read a line', 'UNAVAILABLE'],
    ['something else', 'OTHER'],
  ])('%s → %s', (message, expected) => {
    expect(classifyKeychainMessage(message)).toBe(expected);
  });
});

describe('keychainError', () => {
  it('a missing or unusable login keyring: a Secret Service IS running; create or unlock the login keyring', () => {
    const detail = 'Object does not exist at path “/org/freedesktop/secrets/collection/login”';
    const error = keychainError(KEYCHAIN, new Error(detail));
    expect(error.code).toBe('KeyUnavailableException');
    expect(error.message).not.toMatch(/no Secret Service is running/);
    expect(error.message).toContain(
      `${KEYCHAIN} cannot be used: a Secret Service is running, but its login keyring does not exist or cannot ` +
        'be unlocked here — no unlock prompt can be shown in this session',
    );
    expect(error.message).toContain(detail);
    expect(error.message).toMatch(/create or unlock the login keyring/);
    expect(error.message).toMatch(/Seahorse/);
    expect(error.message).toContain('`gnome-keyring-daemon --unlock`');
  });

  it('a malformed DBUS_SESSION_BUS_ADDRESS says so, and what it should look like', () => {
    const detail = 'Address element “garbage” does not contain a colon (:)';
    const error = keychainError(KEYCHAIN, new Error(detail));
    expect(error.code).toBe('KeyUnavailableException');
    expect(error.message).toContain(`${KEYCHAIN} cannot be reached: DBUS_SESSION_BUS_ADDRESS is malformed (${detail})`);
    expect(error.message).toContain('unix:path=/run/user/1000/bus');
    expect(error.message).toContain('dbus-run-session');
    expect(error.message).not.toMatch(/no Secret Service is running/);
  });

  it('no Secret Service at all keeps its own remedy', () => {
    const error = keychainError(KEYCHAIN, new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    expect(error.message).toMatch(/no Secret Service is running in this session/);
    expect(error.message).toMatch(/gnome-keyring-daemon --start --components=secrets/);
  });
});
