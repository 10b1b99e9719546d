// keytar's API, answered by a child process (keychain-worker.cjs) that can be killed, so the QKMS process
// itself never runs libsecret: a keytar call that never answers used to hold a libuv thread-pool thread
// forever, and Node's exit path joins that pool — the process could not exit even through process.exit().
// Now a call that runs out of time kills the worker (abandon()), and the next call starts a fresh one.
// A worker that crashes (keytar can SIGSEGV) fails only the call in flight.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { QkmsError } from '../../shared/errors';
import { moduleMissingMessage } from './keychain-errors';
import type { KeytarApi } from './keytar-keychain';

/**
 * The worker next to this file: src/core/store in the source tree (the CLI through tsx, vitest), and
 * out/main in the Electron build, whose bundle is out/main/index.js — electron.vite.config.ts copies
 * keychain-worker.cjs there, so `__dirname` finds it in both.
 */
export const DEFAULT_KEYCHAIN_WORKER_PATH = path.join(__dirname, 'keychain-worker.cjs');

type Request =
  | { op: 'get' | 'delete'; service: string; account: string }
  | { op: 'set'; service: string; account: string; secret: string };
interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  message?: string;
  /** 'load': keytar itself could not be loaded in the worker. */
  kind?: 'load';
}
interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Every worker alive in this process; killed when the process exits, whatever the exit path. */
const liveWorkers = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess): void {
  liveWorkers.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const worker of liveWorkers) worker.kill('SIGKILL');
  });
}

export class KeychainWorker implements KeytarApi {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `keychain` names the keychain in error messages (KeytarKeychain's description). */
  constructor(
    private readonly workerPath: string,
    private readonly keychain: string,
  ) {}

  getPassword(service: string, account: string): Promise<string | null> {
    return this.request({ op: 'get', service, account }) as Promise<string | null>;
  }

  setPassword(service: string, account: string, password: string): Promise<void> {
    // Never log the secret; it is key material. It crosses only the private IPC pipe to our own child.
    return this.request({ op: 'set', service, account, secret: password }) as Promise<void>;
  }

  deletePassword(service: string, account: string): Promise<boolean> {
    return this.request({ op: 'delete', service, account }) as Promise<boolean>;
  }

  /**
   * Gives up on the calls in flight: kills the worker (SIGKILL — it may be stuck inside libsecret) and
   * rejects them. The next call starts a fresh worker.
   */
  abandon(): void {
    const child = this.child;
    this.child = undefined;
    this.failAll(new QkmsError('DependencyTimeoutException', `${this.keychain}: the call was abandoned`));
    if (child) {
      liveWorkers.delete(child);
      child.kill('SIGKILL');
    }
  }

  /** The worker's process id, or undefined when none is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private request(request: Request): Promise<unknown> {
    let child: ChildProcess;
    try {
      child = this.child ?? this.start();
    } catch (error) {
      return Promise.reject(error);
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.hold(child, true);
      child.send({ id, ...request }, (error) => {
        if (error) this.settle(id, undefined, this.failure(`could not be sent a request (${error.message})`));
      });
    });
  }

  private start(): ChildProcess {
    if (!existsSync(this.workerPath)) {
      throw new QkmsError(
        'KeyUnavailableException',
        `${this.keychain} cannot be used: the keychain worker ${this.workerPath} is missing; reinstall QKMS`,
      );
    }
    const child = fork(this.workerPath, [], {
      // Only the IPC channel: the worker prints nothing (and never a secret).
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
      // Not the parent's flags (tsx's --import, --inspect …): the worker is plain JavaScript.
      execArgv: [],
      // In Electron, fork runs the Electron binary as Node (it sets ELECTRON_RUN_AS_NODE itself).
    });
    this.child = child;
    killOnExit(child);
    child.on('message', (reply: Reply) => this.onReply(reply));
    child.on('error', (error) => this.onGone(child, this.failure(`could not be started (${error.message})`)));
    child.on('exit', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
      this.onGone(child, this.failure(`${how} during the call`));
    });
    this.hold(child, false);
    return child;
  }

  private onReply(reply: Reply): void {
    if (reply.ok) return this.settle(reply.id, reply.value);
    const message = reply.message ?? 'no message';
    // keytar's own messages (locked, no Secret Service …) go through as plain errors; KeytarKeychain
    // classifies them exactly as it did when keytar ran in this process.
    const error =
      reply.kind === 'load'
        ? new QkmsError('KeyUnavailableException', moduleMissingMessage(message))
        : new Error(message);
    this.settle(reply.id, undefined, error);
  }

  /** The worker this client was using is gone (crashed, killed, failed to start). */
  private onGone(child: ChildProcess, error: QkmsError): void {
    liveWorkers.delete(child);
    if (this.child !== child) return; // an abandoned worker: its calls were already failed
    this.child = undefined;
    this.failAll(error);
  }

  private settle(id: number, value: unknown, error?: unknown): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (this.pending.size === 0 && this.child) this.hold(this.child, false);
    if (error === undefined) call.resolve(value);
    else call.reject(error);
  }

  private failAll(error: unknown): void {
    for (const id of [...this.pending.keys()]) this.settle(id, undefined, error);
  }

  /**
   * A worker keeps the parent's event loop alive only while a call is in flight: idle, both the process
   * handle and the IPC channel are unref'd, so a CLI run or a test that falls off its end just exits.
   */
  private hold(child: ChildProcess, busy: boolean): void {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  }

  private failure(what: string): QkmsError {
    return new QkmsError(
      'KeyUnavailableException',
      `${this.keychain} cannot be used: the keychain worker process ${what}; retry (a new worker is started)`,
    );
  }
}
