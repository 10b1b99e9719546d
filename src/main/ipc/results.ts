// Result values for the IPC handlers: errors cross IPC as `{ ok: false, error: { __type, message } }`.
import { QkmsError, type ErrorCode, type Result } from '../../shared/errors';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { __type: code, message },
});

/** A QkmsError keeps its code and message; anything else becomes a generic internal error (its message may
 *  carry details the renderer has no business seeing). */
export function failureOf(error: unknown): Result<never> {
  if (error instanceof QkmsError) return { ok: false, error: error.toWire() };
  return fail('KMSInternalException', 'An internal error occurred in the desktop app.');
}
