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

/** The ports `startEndpoint` accepts: 1024–65535, or 0 for any free port. The field starts at 4566, the
 *  default of `qkms serve`. */
export const ENDPOINT_PORT = { min: 1024, max: 65535, anyFree: 0, suggested: 4566 } as const;

/** Where the endpoint's SigV4 credentials came from: QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY, the pair
 *  kept in the OS keychain, or a pair generated now (and kept there from now on). */
export type EndpointCredentialsSource = 'environment' | 'keychain' | 'generated';

/** The loopback endpoint's state. While it runs, the URL and the credentials an SDK client needs. The
 *  SecretAccessKey is an API credential the user copies into their SDK or CLI configuration, not key
 *  material: it signs requests and never derives or unwraps anything. */
export type EndpointStatus =
  | { Running: false }
  | {
      Running: true;
      /** `http://127.0.0.1:<Port>` */
      Url: string;
      Port: number;
      AccessKeyId: string;
      SecretAccessKey: string;
      CredentialsSource: EndpointCredentialsSource;
    };

/** Desktop actions beyond the API: each needs the main process (a native dialog, the system clipboard,
 *  which the renderer has no permission to touch, or the loopback endpoint's server). */
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
  /** Whether the loopback endpoint runs, and if so where and with which credentials. It is off until the
   *  user switches it on, and stops when the app quits. */
  getEndpointStatus(): Promise<Result<EndpointStatus>>;
  /** Starts the loopback endpoint on 127.0.0.1:`Port` (1024–65535, or 0 for any free port) over the app's
   *  own keys. Already running: a no-op that returns the status (on the port it runs on). */
  startEndpoint(request: { Port: number }): Promise<Result<EndpointStatus>>;
  /** Stops the endpoint (requests in flight finish first). Already stopped: a no-op. */
  stopEndpoint(): Promise<Result<EndpointStatus>>;
}

export const DESKTOP_ACTIONS = [
  'importKeyFromFile',
  'openPublicKeyFile',
  'savePublicKey',
  'copySecret',
  'copyText',
  'getEndpointStatus',
  'startEndpoint',
  'stopEndpoint',
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
