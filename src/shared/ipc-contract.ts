// The IPC contract between the main process and the renderer: one channel per operation, named
// `qkms:<Operation>`, plus the few desktop-only actions that need the main process (a native dialog,
// the system clipboard). The preload builds
// `window.qkms` from this list (one named function per channel), and the renderer's type is derived
// from it, so nothing here is kept in sync by hand.
import type { Result } from './errors';
import type { Requests, Responses } from './operations';
import { OPERATION_NAMES, type OperationName } from './operation-names';

/** Operations the renderer may call directly. ImportKey is not one: its private key must never pass
 *  through the renderer, so it goes through `importKeyFromFile`, whose file the main process reads. */
export const RENDERER_OPERATIONS = OPERATION_NAMES.filter(
  (op): op is Exclude<OperationName, 'ImportKey' | 'GetParametersForImport' | 'ImportKeyMaterial'> =>
    op !== 'ImportKey' && op !== 'GetParametersForImport' && op !== 'ImportKeyMaterial',
);
export type RendererOperation = (typeof RENDERER_OPERATIONS)[number];

export type PublicKeyFileFormat = 'DER' | 'PEM' | 'JWK';

/** The clearing delay of `copySecret`: 30 s unless asked otherwise, and never outside 5–300 s. */
export const SECRET_CLEAR_SECONDS = { default: 30, min: 5, max: 300 } as const;

/** Desktop actions beyond the API: each needs the main process (a native dialog, or the system clipboard,
 *  which the renderer has no permission to touch). */
export interface DesktopActions {
  /** Opens a file dialog, reads the PKCS#8 file in the main process, and imports it. `Canceled` if the user cancels. */
  importKeyFromFile(
    request: Omit<Requests['ImportKey'], 'PrivateKey'>,
  ): Promise<Result<Responses['ImportKey'] | { Canceled: true }>>;
  /** Opens a file dialog and returns the chosen file's contents as base64 (a public key, or an RSA recipient key). */
  openPublicKeyFile(): Promise<Result<{ Contents: string; FileName: string } | { Canceled: true }>>;
  /** Opens a save dialog and writes the key's public key in the chosen format. */
  savePublicKey(request: {
    KeyId: string;
    Format: PublicKeyFileFormat;
  }): Promise<Result<{ Path: string } | { Canceled: true }>>;
  /** Puts a secret on the system clipboard and clears it again after `ClearAfterSeconds` (default 30, 5–300),
   *  but only if the clipboard still holds it. A newer copySecret replaces the pending clear. `ClearsAt` is
   *  the main process's clock (ms since the epoch). */
  copySecret(request: {
    Text: string;
    ClearAfterSeconds?: number;
  }): Promise<Result<{ Copied: true; ClearsAt: number }>>;
  /** Puts non-secret text (a public key, a key id, a request body) on the system clipboard. */
  copyText(request: { Text: string }): Promise<Result<{ Copied: true }>>;
}

export const DESKTOP_ACTIONS = [
  'importKeyFromFile',
  'openPublicKeyFile',
  'savePublicKey',
  'copySecret',
  'copyText',
] as const satisfies readonly (keyof DesktopActions)[];

export const channelOf = (name: RendererOperation | keyof DesktopActions): string => `qkms:${name}`;

/** A lower-camel-case method name per operation: DeriveSharedSecret → deriveSharedSecret. */
export type MethodName<Op extends string> = Uncapitalize<Op>;
export const methodOf = <Op extends string>(op: Op): MethodName<Op> =>
  (op.charAt(0).toLowerCase() + op.slice(1)) as MethodName<Op>;

/** The shape of `window.qkms`. */
export type QkmsApi = {
  [Op in RendererOperation as MethodName<Op>]: (request: Requests[Op]) => Promise<Result<Responses[Op]>>;
} & DesktopActions;
