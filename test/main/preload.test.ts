// The preload: window.qkms has one function per contract channel, each invoking only its own channel
// with only the request; nothing else is exposed.
import * as electronModule from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_ACTIONS, RENDERER_OPERATIONS, methodOf } from '../../src/shared/ipc-contract';
import type { ElectronStub } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).createElectronStub());
const electron = electronModule as unknown as ElectronStub;

describe('the preload', () => {
  it('exposes exactly window.qkms with one named function per channel', async () => {
    await import('../../src/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('qkms');
    const expected = [...RENDERER_OPERATIONS.map((op) => methodOf(op)), ...DESKTOP_ACTIONS];
    expect(Object.keys(api).sort()).toEqual([...expected].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('importKey');

    for (const op of RENDERER_OPERATIONS) {
      electron.ipcRenderer.invoke.mockClear();
      await (api[methodOf(op)] as (...args: unknown[]) => Promise<unknown>)({ KeyId: 'k' }, 'qkms:ImportKey', 'extra');
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(`qkms:${op}`, { KeyId: 'k' });
    }
    for (const action of DESKTOP_ACTIONS) {
      electron.ipcRenderer.invoke.mockClear();
      await (api[action] as (...args: unknown[]) => Promise<unknown>)();
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(`qkms:${action}`, undefined);
    }
  });
});
