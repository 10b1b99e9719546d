// The renderer's view of the preload: window.qkms has exactly the contract's shape.
import type { QkmsApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    qkms: QkmsApi;
  }
}

export {};
