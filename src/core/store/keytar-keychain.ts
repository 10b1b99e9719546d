// The one adapter over @github/keytar. keytar runs in a worker process (keychain-worker-client.ts), never
// in this one: a keytar call that never answers (an unanswered unlock prompt, a hung Secret Service)
// would otherwise hold a thread of this process forever and keep it from ever exiting, and keytar's
// native code can crash. Every call is bounded in time; on timeout the worker is killed. A missing or
// mis-built native module becomes a KeyUnavailableException with the remedy, not a crash.
import { QkmsError } from '../../shared/errors';
import { bounded, DEFAULT_KEYCHAIN_TIMEOUT_MS } from './bounded-call';
import type { Keychain } from './keychain';
import { keychainError, lockedMessage, moduleMissingMessage, shortMessage, timeoutMessage } from './keychain-errors';
import { DEFAULT_KEYCHAIN_WORKER_PATH, KeychainWorker } from './keychain-worker-client';
import type { KeychainStatus } from './types';

/** The part of keytar's API QKMS uses. findCredentials is deliberately absent: it costs ~5 ms per item,
 *  and on a locked Linux keyring it crashes the process (SIGSEGV in libsecret, seen with keytar 7.10.6). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /**
   * Gives up on the call in flight after a timeout (the worker kills its process). Without it (keytar
   * loaded in this process, as tests may inject), a timed-out call stays stuck and later calls fail fast.
   */
  abandon?(): void;
}

export interface KeytarKeychainOptions {
  /** The keychain service name; the caller passes QKMS_KEYCHAIN_SERVICE (default `qkms`). */
  service: string;
  /** Bound on every keychain call (default 10 s). */
  timeoutMs?: number;
  /** The keychain worker script (default: keychain-worker.cjs next to this module, see DEFAULT_KEYCHAIN_WORKER_PATH). */
  workerPath?: string;
  /** How to reach keytar (default: the worker at workerPath); tests replace it with in-process stubs. */
  load?: () => Promise<KeytarApi>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'qkms';
/** The item `status()` writes and deletes to find out whether the keyring accepts writes. */
const PROBE_ACCOUNT = 'qkms-probe';

export class KeytarKeychain implements Keychain {
  readonly description: string;
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly load: () => Promise<KeytarApi>;
  private keytar: Promise<KeytarApi> | undefined;
  /** The last call queued; the next one starts after it settles. */
  private tail: Promise<void> = Promise.resolve();
  /** In-process calls that timed out but have not returned yet (each holds a thread-pool thread). */
  private stuck = 0;

  constructor(options: KeytarKeychainOptions) {
    this.service = options.service;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
    this.description = `the OS keychain (service "${this.service}")`;
    const workerPath = options.workerPath ?? DEFAULT_KEYCHAIN_WORKER_PATH;
    this.load = options.load ?? (async () => new KeychainWorker(workerPath, this.description));
  }

  async getSecret(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  async setSecret(account: string, secret: string): Promise<void> {
    // Never log the secret; it is key material.
    return this.call((k) => k.setPassword(this.service, account, secret));
  }

  async deleteSecret(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async status(): Promise<KeychainStatus> {
    try {
      // A locked Linux keyring answers reads with null and deletes with false; only a write tells.
      await this.setSecret(PROBE_ACCOUNT, 'probe');
      await this.deleteSecret(PROBE_ACCOUNT);
      return { state: 'READY', message: '' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { state: message === lockedMessage(this.description) ? 'LOCKED' : 'UNAVAILABLE', message };
    }
  }

  /**
   * One keytar call at a time, bounded in time. On timeout the worker is killed (abandon()), so nothing
   * stays stuck and the next call starts afresh with a new worker. An in-process keytar (no abandon) would
   * keep one of libuv's 4 thread-pool threads until it returns — possibly never — so while such a call is
   * still stuck, later calls fail fast instead of stacking up on the pool.
   */
  private async call<T>(operation: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    const keytar = await this.module();
    const seconds = Number((this.timeoutMs / 1000).toFixed(3));
    if (this.stuck > 0) {
      throw new QkmsError(
        'DependencyTimeoutException',
        `${timeoutMessage(this.description, seconds)} (an earlier call is still waiting)`,
      );
    }
    let gaveUp = false;
    let started = false;
    const run = this.tail.then(() => {
      if (gaveUp) throw new QkmsError('DependencyTimeoutException', 'abandoned before it started');
      started = true;
      return operation(keytar);
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await bounded(run, this.timeoutMs, timeoutMessage(this.description, seconds));
    } catch (error) {
      if (error instanceof QkmsError && error.code === 'DependencyTimeoutException' && !gaveUp) {
        gaveUp = true;
        if (started && keytar.abandon) keytar.abandon();
        else if (started) {
          this.stuck++;
          void this.tail.then(() => this.stuck--);
        }
      }
      throw keychainError(this.description, error);
    }
  }

  private async module(): Promise<KeytarApi> {
    this.keytar ??= this.load().catch((error: unknown) => {
      this.keytar = undefined; // a later call may succeed after `npm rebuild`
      throw new QkmsError('KeyUnavailableException', moduleMissingMessage(shortMessage(error)));
    });
    return this.keytar;
  }
}
