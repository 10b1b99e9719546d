// Shared test helpers: temp data dirs, unique keychain service names, a Map-backed Keychain stub with
// switchable failure modes, and running child scripts with tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QkmsError } from '../../../src/shared/errors';
import type { Keychain } from '../../../src/core/store/keychain';
import { lockedMessage, timeoutMessage } from '../../../src/core/store/keychain-errors';
import type { KeychainStatus, KeyRecord } from '../../../src/core/store/types';

export { kid } from './children/store-for-child';

/** Real-keychain tests run only inside scripts/with-keyring.sh, never against the user's own keyring. */
export const PRIVATE_KEYRING = process.env.QKMS_PRIVATE_KEYRING === '1';
export const REPO = path.resolve(__dirname, '../../..');
export const TSX = path.join(REPO, 'node_modules/.bin/tsx');
export const CHILDREN = path.join(__dirname, 'children');

export function uniqueService(name: string): string {
  return `qkms-test-${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function tempDataDir(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qkms-store-'));
  const dir = path.join(root, 'data');
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A well-formed Enabled record (AWS_KMS, with a public key); `overrides` change any field. */
export function keyRecord(keyId: string, overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    keyId,
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'DERIVE_SHARED_SECRET',
    origin: 'AWS_KMS',
    state: 'Enabled',
    description: '',
    creationDate: 1_700_000_000_000,
    publicKeySpki: 'MFkw',
    tags: [],
    ...overrides,
  };
}

/** A keychain in memory. `mode` makes it behave like a locked, absent or hung Secret Service. */
export class StubKeychain implements Keychain {
  readonly description = 'the stub keychain';
  readonly items = new Map<string, string>();
  mode: 'ready' | 'locked' | 'unavailable' | 'hung' = 'ready';
  calls = 0;

  async getSecret(account: string): Promise<string | null> {
    await this.gate(false);
    return this.mode === 'locked' ? null : (this.items.get(account) ?? null);
  }
  async setSecret(account: string, secret: string): Promise<void> {
    await this.gate(true);
    this.items.set(account, secret);
  }
  async deleteSecret(account: string): Promise<boolean> {
    await this.gate(false);
    return this.mode === 'locked' ? false : this.items.delete(account);
  }
  async status(): Promise<KeychainStatus> {
    if (this.mode === 'ready') return { state: 'READY', message: '' };
    if (this.mode === 'locked') return { state: 'LOCKED', message: lockedMessage(this.description) };
    return { state: 'UNAVAILABLE', message: `${this.description} is unavailable` };
  }
  private async gate(write: boolean): Promise<void> {
    this.calls++;
    if (this.mode === 'unavailable')
      throw new QkmsError('KeyUnavailableException', `${this.description} is unavailable`);
    if (this.mode === 'hung') throw new QkmsError('DependencyTimeoutException', timeoutMessage(this.description, 10));
    if (this.mode === 'locked' && write)
      throw new QkmsError('KeyUnavailableException', lockedMessage(this.description));
  }
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts a child script (TypeScript, through tsx's loader). Node itself is the child — not the `tsx`
 * wrapper, which would take a SIGKILL alone and leave the real worker running.
 */
export function startChild(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(CHILDREN, script), ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess): Promise<ChildResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runChild(script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ChildResult> {
  return collect(startChild(script, args, env));
}
