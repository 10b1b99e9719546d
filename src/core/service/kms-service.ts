// The service every adapter calls: one entry point that validates the request once, serves it, and
// returns the response or the error as a value. It never throws and never lets a stack trace, or any
// text of an unexpected error (which could quote key bytes), reach a caller.
import { randomUUID } from 'node:crypto';
import { QkmsError, type Result, type WireError } from '../../shared/errors';
import { isOperationName, type OperationName, type Responses } from '../../shared/operations';
import { validateRequest } from '../../shared/validation';
import type { KeyStore } from '../store/types';
import type { ServiceContext } from './context';
import { createImportTokenState } from './import-tokens';
import { sweepDueDeletions } from './key-lifecycle';
import { OPERATION_HANDLERS } from './operation-handlers';

export interface KmsService {
  call<Op extends OperationName>(operation: Op, request: unknown): Promise<Result<Responses[Op]>>;
  readonly accountId: string;
}

export interface KmsServiceOptions {
  store: KeyStore;
  accountId: string;
  now?: () => number;
  /** Where internal faults are reported (one line each, no message text, no key bytes). */
  logInternalError?: (line: string) => void;
}

/** An unexpected fault becomes a KMSInternalException with a reference the log line carries too. */
function internalError(operation: string, error: unknown, log: (line: string) => void): WireError {
  const reference = randomUUID();
  // Never log the error's message: a library error may quote its input, which can be key material.
  const kind = error instanceof Error ? error.name : typeof error;
  const frames =
    error instanceof Error
      ? (error.stack ?? '')
          .split('\n')
          .slice(1, 4)
          .map((f) => f.trim())
          .join(' | ')
      : '';
  log(`qkms: KMSInternalException ref=${reference} op=${operation} kind=${kind} ${frames}`);
  return { __type: 'KMSInternalException', message: `An internal error occurred (reference ${reference})` };
}

export function createKmsService(options: KmsServiceOptions): KmsService {
  const ctx: ServiceContext = {
    store: options.store,
    accountId: options.accountId,
    now: options.now ?? Date.now,
    importTokens: createImportTokenState(),
  };
  const log = options.logInternalError ?? ((line: string) => console.error(line));
  return {
    accountId: options.accountId,
    async call<Op extends OperationName>(operation: Op, request: unknown): Promise<Result<Responses[Op]>> {
      try {
        if (!isOperationName(operation)) {
          throw new QkmsError('UnsupportedOperationException', `${String(operation)} is not a QKMS operation`);
        }
        const valid = validateRequest(operation, request);
        await sweepDueDeletions(ctx);
        const handler = OPERATION_HANDLERS[operation] as (c: ServiceContext, r: typeof valid) => Promise<Responses[Op]>;
        return { ok: true, value: await handler(ctx, valid) };
      } catch (error) {
        return { ok: false, error: error instanceof QkmsError ? error.toWire() : internalError(operation, error, log) };
      }
    },
  };
}
