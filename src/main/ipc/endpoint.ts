// The app's switch for the loopback endpoint, free of Electron: starts and stops the same server
// `qkms serve` runs (src/server), over the SAME service the IPC handlers use, so a key created in the
// window is the key an SDK client sees. Off until the user switches it on; the app stops it on quit.
// The server, the credential lookup and the keychain are injected, so tests can use the real ones
// (or not) without Electron.
import { z } from 'zod';
import type { Result } from '../../shared/errors';
import { QkmsError } from '../../shared/errors';
import { ENDPOINT_PORT, type EndpointStatus } from '../../shared/ipc-contract';
import { describeIssues } from '../../shared/validation';
import type {
  CredentialKeychain,
  ResolvedCredentials,
  RunningServer,
  StartServerOptions,
  startServer as realStartServer,
} from '../../server';
import { failureOf, fail, ok } from './results';

export interface EndpointDependencies {
  /** The service the IPC handlers use. */
  service: StartServerOptions['service'];
  /** Where a generated credential pair is kept (the keychain the service's keys live in). */
  keychain: CredentialKeychain;
  /** QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY, when set, win over the keychain's pair. */
  env: NodeJS.ProcessEnv;
  startServer: typeof realStartServer;
  resolveCredentials: (env: NodeJS.ProcessEnv, keychain: CredentialKeychain) => Promise<ResolvedCredentials>;
  /** One line per request and per start/stop, never a secret; default: the main process's stderr. */
  log?: (line: string) => void;
}

export interface EndpointController {
  getEndpointStatus(payload: unknown): Promise<Result<EndpointStatus>>;
  startEndpoint(payload: unknown): Promise<Result<EndpointStatus>>;
  stopEndpoint(payload: unknown): Promise<Result<EndpointStatus>>;
  /** True while the server runs or is starting; the app then stops it before quitting. */
  isActive(): boolean;
  /** Stops the server if it runs (waiting for a start in progress); the app awaits this when it quits. */
  shutdown(): Promise<void>;
}

const PORT_RULE = `Port must be a whole number from ${ENDPOINT_PORT.min} to ${ENDPOINT_PORT.max}, or ${ENDPOINT_PORT.anyFree} for any free port`;

const StartEndpointRequest = z
  .object({
    Port: z
      .number({ error: PORT_RULE })
      .int({ error: PORT_RULE })
      .refine((port) => port === ENDPOINT_PORT.anyFree || (port >= ENDPOINT_PORT.min && port <= ENDPOINT_PORT.max), {
        error: PORT_RULE,
      }),
  })
  .strict();

const isObject = (payload: unknown): payload is object =>
  payload !== null && typeof payload === 'object' && !Array.isArray(payload);

/** The actions that take no parameters accept nothing or `{}`. */
const takesNothing = (action: string, payload: unknown): Result<never> | undefined =>
  payload === undefined || (isObject(payload) && Object.keys(payload).length === 0)
    ? undefined
    : fail('ValidationException', `${action} takes no parameters`);

interface Running {
  server: RunningServer;
  credentials: ResolvedCredentials;
}

const statusOf = (running: Running | undefined): EndpointStatus =>
  running
    ? {
        Running: true,
        Url: `http://127.0.0.1:${running.server.port}`,
        Port: running.server.port,
        AccessKeyId: running.credentials.accessKeyId,
        // Handed to the renderer on purpose: the user copies it into their SDK configuration. It is an API
        // credential, never key material (see secret-guard.ts), and it is never logged.
        SecretAccessKey: running.credentials.secretAccessKey,
        CredentialsSource: running.credentials.source,
      }
    : { Running: false };

/** A failure to start, as a Result: the server's own message for a busy port, a code otherwise. */
function startFailure(error: unknown, port: number): Result<never> {
  if (error instanceof QkmsError) return failureOf(error);
  const message = error instanceof Error ? error.message : '';
  if (/already in use/.test(message)) {
    // startServer words it for the CLI ("choose another with --port"); the app has a Port field instead.
    return fail('AlreadyExistsException', message.replace(' with --port', ''));
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return fail('KMSInternalException', `The endpoint could not listen on 127.0.0.1:${port}${code ? ` (${code})` : ''}.`);
}

export function createEndpointController(deps: EndpointDependencies): EndpointController {
  const log = deps.log ?? ((line: string) => console.error(`[qkms endpoint] ${line}`));
  let running: Running | undefined;
  let pending = 0;

  // Start and stop run one at a time: a second click while starting waits, then sees the first one's server.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    pending++;
    const run = queue.then(task, task).finally(() => pending--);
    queue = run.catch(() => undefined);
    return run;
  };

  const stop = async (): Promise<void> => {
    if (!running) return;
    const { server } = running;
    running = undefined;
    await server.close();
    log(`stopped listening on 127.0.0.1:${server.port}`);
  };

  return {
    async getEndpointStatus(payload) {
      return takesNothing('getEndpointStatus', payload) ?? ok(statusOf(running));
    },

    async startEndpoint(payload) {
      if (!isObject(payload)) return fail('ValidationException', 'The startEndpoint request must be a JSON object');
      // reportInput lets describeIssues name a missing field; the request holds nothing secret.
      const parsed = StartEndpointRequest.safeParse(payload, { reportInput: true });
      if (!parsed.success) return fail('ValidationException', describeIssues(parsed.error.issues));
      const { Port } = parsed.data;
      return serially(async () => {
        if (running) return ok(statusOf(running));
        let credentials: ResolvedCredentials;
        try {
          credentials = await deps.resolveCredentials(deps.env, deps.keychain);
        } catch (error) {
          return failureOf(error);
        }
        let server: RunningServer;
        try {
          server = await deps.startServer({ service: deps.service, port: Port, credentials, log });
        } catch (error) {
          return startFailure(error, Port);
        }
        running = { server, credentials };
        // Where the credentials came from, never what they are.
        log(`listening on http://127.0.0.1:${server.port} (credentials: ${credentials.source})`);
        return ok(statusOf(running));
      });
    },

    async stopEndpoint(payload) {
      const refused = takesNothing('stopEndpoint', payload);
      if (refused) return refused;
      return serially(async () => {
        await stop();
        return ok(statusOf(running));
      });
    },

    isActive: () => running !== undefined || pending > 0,

    shutdown: () => serially(stop),
  };
}
