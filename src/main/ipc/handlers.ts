// The IPC handler functions, one per channel, free of Electron: the registrar registers them with
// ipcMain, and the browser e2e exposes the very same functions to the page through page.exposeBinding.
// Every handler resolves to a Result and never throws.
import type { Result } from '../../shared/errors';
import { channelOf, RENDERER_OPERATIONS } from '../../shared/ipc-contract';
import type { ClipboardActions } from './clipboard';
import type { DesktopDialogs } from './dialogs';
import type { EndpointController } from './endpoint';
import { importKeyFromFile } from './import-key-from-file';
import { openPublicKeyFile } from './open-public-key-file';
import { failureOf, fail } from './results';
import { savePublicKey } from './save-public-key';
import { isFreeOfSecrets } from './secret-guard';
import type { KmsServicePort } from './service-port';

export type IpcHandler = (payload: unknown) => Promise<Result<unknown>>;
export type IpcHandlers = Record<string /* channel */, IpcHandler>;

export type { DesktopDialogs } from './dialogs';
export { createClipboardActions, type ClipboardActions, type ClipboardPort, type ClearTimer } from './clipboard';
export type { KmsServicePort as KmsService } from './service-port';
export { IPC_CHANNELS, IPC_ROUTES } from './channels';
export { createEndpointController, type EndpointController, type EndpointDependencies } from './endpoint';

/** Wraps a handler so that it always resolves to a Result free of private-key material. */
function safely(handler: IpcHandler): IpcHandler {
  return async (payload) => {
    try {
      const result = await handler(payload);
      if (!isFreeOfSecrets(result))
        return fail('KMSInternalException', 'The result was withheld because it contained key material.');
      return result;
    } catch (error) {
      return failureOf(error);
    }
  };
}

/** `clipboard` and `endpoint` are created by the caller, which also flushes the clipboard's pending clear
 *  and stops the endpoint when the app quits. */
export function createIpcHandlers(
  service: KmsServicePort,
  dialogs: DesktopDialogs,
  clipboard: ClipboardActions,
  endpoint: EndpointController,
): IpcHandlers {
  const handlers: IpcHandlers = {};
  for (const op of RENDERER_OPERATIONS) {
    handlers[channelOf(op)] = safely((payload) => service.call(op, payload));
  }
  handlers[channelOf('importKeyFromFile')] = safely((payload) => importKeyFromFile(service, dialogs, payload));
  handlers[channelOf('openPublicKeyFile')] = safely((payload) => openPublicKeyFile(dialogs, payload));
  handlers[channelOf('savePublicKey')] = safely((payload) => savePublicKey(service, dialogs, payload));
  handlers[channelOf('copySecret')] = safely((payload) => clipboard.copySecret(payload));
  handlers[channelOf('copyText')] = safely((payload) => clipboard.copyText(payload));
  // The endpoint's status carries its SigV4 SecretAccessKey, which the user copies into their SDK config.
  // It still passes through the guard: the guard refuses private-key fields (and this status has none),
  // so a private key could never ride along with the credentials.
  handlers[channelOf('getEndpointStatus')] = safely((payload) => endpoint.getEndpointStatus(payload));
  handlers[channelOf('startEndpoint')] = safely((payload) => endpoint.startEndpoint(payload));
  handlers[channelOf('stopEndpoint')] = safely((payload) => endpoint.stopEndpoint(payload));
  return Object.freeze(handlers);
}
