// defaultDataDir(): the same folder Electron's app.getPath('userData') gives the app named QKMS_APP_NAME.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, QKMS_APP_NAME } from '../../../src/core/store/data-dir';

describe('defaultDataDir', () => {
  it('honours QKMS_DATA_DIR first', () => {
    expect(defaultDataDir({ QKMS_DATA_DIR: '/srv/qkms' }, 'linux', '/home/u')).toBe('/srv/qkms');
    expect(defaultDataDir({ QKMS_DATA_DIR: 'rel' }, 'linux', '/home/u')).toBe(path.resolve('rel'));
  });

  it('follows Electron userData on each platform', () => {
    expect(QKMS_APP_NAME).toBe('QKMS Desktop');
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/QKMS Desktop');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/QKMS Desktop');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/QKMS Desktop');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\QKMS Desktop',
    );
  });
});
