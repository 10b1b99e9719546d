// Every IPC channel the app serves, derived from the contract: one per renderer operation and one per
// desktop action, each with the `window.qkms` method that invokes it.
import {
  DESKTOP_ACTIONS,
  RENDERER_OPERATIONS,
  channelOf,
  methodOf,
  type DesktopActions,
  type RendererOperation,
} from '../../shared/ipc-contract';

export interface IpcRoute {
  channel: string;
  /** The `window.qkms` method name. */
  method: string;
  kind: 'operation' | 'desktop';
  name: RendererOperation | keyof DesktopActions;
}

export const IPC_ROUTES: readonly IpcRoute[] = Object.freeze([
  ...RENDERER_OPERATIONS.map((op): IpcRoute => ({
    channel: channelOf(op),
    method: methodOf(op),
    kind: 'operation',
    name: op,
  })),
  ...DESKTOP_ACTIONS.map((action): IpcRoute => ({
    channel: channelOf(action),
    method: action,
    kind: 'desktop',
    name: action,
  })),
]);

export const IPC_CHANNELS: readonly string[] = Object.freeze(IPC_ROUTES.map((route) => route.channel));
