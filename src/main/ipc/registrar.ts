// The one place IPC channels are registered: every channel of the contract exactly once, each behind the
// sender check. Errors are values: a refused sender or a failing handler yields `{ ok: false, error }`.
import type { IpcMain } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_CHANNELS } from './channels';
import type { IpcHandlers } from './handlers';
import { fail } from './results';
import type { SenderCheck } from './sender';

export type IpcMainLike = Pick<IpcMain, 'handle'>;

const registered = new WeakSet<IpcMainLike>();

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, checkSender: SenderCheck): void {
  if (registered.has(ipcMain)) throw new Error('The IPC handlers are already registered');
  const expected = new Set(IPC_CHANNELS);
  const given = Object.keys(handlers);
  const missing = [...expected].filter((channel) => !Object.hasOwn(handlers, channel));
  const unknown = given.filter((channel) => !expected.has(channel));
  if (missing.length || unknown.length) {
    throw new Error(
      `IPC handlers do not match the contract (missing: ${missing.join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'})`,
    );
  }
  registered.add(ipcMain);

  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel]!;
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      const refusal = checkSender(event);
      if (refusal) {
        // The payload is never logged: it may be a request about key material.
        console.warn(`[qkms] refused ${channel}: ${refusal}`);
        return fail('AccessDeniedException', `IPC call refused: ${refusal}.`);
      }
      try {
        return await handler(payload);
      } catch {
        return fail('KMSInternalException', 'An internal error occurred in the desktop app.');
      }
    });
  }
}
