// window.qkms: one named function per IPC channel of the contract, each invoking only its own channel.
// Nothing else is exposed — never ipcRenderer, never a generic invoke(channel).
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_ACTIONS, RENDERER_OPERATIONS, channelOf, methodOf, type QkmsApi } from '../shared/ipc-contract';

type Invoker = (request?: unknown) => Promise<unknown>;

/** A function bound to one channel; it forwards only the request, never the caller's other arguments. */
const invokerFor =
  (channel: string): Invoker =>
  (request) =>
    ipcRenderer.invoke(channel, request);

function buildApi(): QkmsApi {
  const api: Record<string, Invoker> = {};
  for (const op of RENDERER_OPERATIONS) api[methodOf(op)] = invokerFor(channelOf(op));
  for (const action of DESKTOP_ACTIONS) api[action] = invokerFor(channelOf(action));
  // The keys and channels come from the contract that defines QkmsApi; the preload test checks each one.
  return Object.freeze(api) as unknown as QkmsApi;
}

export const api = buildApi() satisfies QkmsApi;

contextBridge.exposeInMainWorld('qkms', api);
