// The clipboard actions, free of Electron: the system clipboard is an injected port (Electron's
// `clipboard` in the app, an in-memory fake in tests), and so is the timer. A copied secret is cleared
// again after a delay, but only if the clipboard still holds it: whatever the user copied since is left
// alone. The renderer has no clipboard permission at all; it only asks for these actions.
import { z } from 'zod';
import type { Result } from '../../shared/errors';
import { SECRET_CLEAR_SECONDS } from '../../shared/ipc-contract';
import { describeIssues } from '../../shared/validation';
import { fail, ok } from './results';

/**
 * The few clipboard calls the actions need. Electron's `clipboard` fits as it is (its readText and
 * writeText return promises in the Electron this app builds against; a fake may answer at once).
 */
export interface ClipboardPort {
  readText(): string | Promise<string>;
  writeText(text: string): unknown;
  clear(): unknown;
}

/** Timers behind an interface, so tests (unit and e2e) can move time on by hand. */
export interface ClearTimer {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers; unref'd, so a pending clear never keeps a plain Node process (a test) alive. */
export const systemTimer: ClearTimer = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Larger than any key, ciphertext or request body the app shows. */
const MAX_TEXT = 64 * 1024;
const text = z
  .string({ error: 'Text must be a string' })
  .min(1, { error: 'Text must not be empty' })
  .max(MAX_TEXT, { error: `Text must be at most ${MAX_TEXT} characters` });

const CopySecretRequest = z
  .object({
    Text: text,
    ClearAfterSeconds: z
      .number({ error: 'ClearAfterSeconds must be a number' })
      .int({ error: 'ClearAfterSeconds must be a whole number of seconds' })
      .min(SECRET_CLEAR_SECONDS.min, { error: `ClearAfterSeconds must be at least ${SECRET_CLEAR_SECONDS.min}` })
      .max(SECRET_CLEAR_SECONDS.max, { error: `ClearAfterSeconds must be at most ${SECRET_CLEAR_SECONDS.max}` })
      .optional(),
  })
  .strict();

const CopyTextRequest = z.object({ Text: text }).strict();

function parse<T>(schema: z.ZodType<T>, action: string, payload: unknown): Result<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail('ValidationException', `The ${action} request must be a JSON object`);
  }
  // describeIssues needs reportInput to tell a missing field; it echoes only enum values, and these
  // schemas have none, so the text (maybe a secret) is never quoted back.
  const parsed = schema.safeParse(payload, { reportInput: true });
  return parsed.success ? ok(parsed.data) : fail('ValidationException', describeIssues(parsed.error.issues));
}

const UNAVAILABLE = 'The system clipboard is not available.';

export interface ClipboardActions {
  copySecret(payload: unknown): Promise<Result<{ Copied: true; ClearsAt: number }>>;
  copyText(payload: unknown): Promise<Result<{ Copied: true }>>;
  /** True while a copied secret waits to be cleared. */
  hasPendingClear(): boolean;
  /** Runs the pending clear now (clear-if-unchanged); the app awaits this when it quits. */
  flush(): Promise<void>;
}

interface PendingClear {
  /** Never logged: it is key material. */
  readonly secret: string;
  readonly handle: unknown;
}

export function createClipboardActions(clipboard: ClipboardPort, timer: ClearTimer = systemTimer): ClipboardActions {
  // At most one pending clear, for the latest copied secret.
  let pending: PendingClear | undefined;

  // Clipboard work runs one task at a time, so a clear's read-then-clear never interleaves with a copy
  // from this app. (Another app can still copy between the read and the clear; no OS offers a
  // compare-and-clear.)
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Clears the clipboard if it still holds `due`'s secret, unless a newer copy has replaced `due`. */
  const clearIfUnchanged = async (due: PendingClear): Promise<void> => {
    if (pending !== due) return;
    pending = undefined;
    try {
      if ((await clipboard.readText()) === due.secret) await clipboard.clear();
    } catch {
      console.warn('[qkms] could not clear the clipboard');
    }
  };

  return {
    async copySecret(payload) {
      const request = parse(CopySecretRequest, 'copySecret', payload);
      if (!request.ok) return request;
      const { Text, ClearAfterSeconds = SECRET_CLEAR_SECONDS.default } = request.value;
      const delay = ClearAfterSeconds * 1000;
      return serially(async () => {
        // A newer copy replaces the pending clear: writing overwrites the older secret anyway.
        if (pending) timer.clearTimeout(pending.handle);
        pending = undefined;
        try {
          await clipboard.writeText(Text);
        } catch {
          return fail('KMSInternalException', UNAVAILABLE);
        }
        const due: PendingClear = {
          secret: Text,
          handle: timer.setTimeout(() => void serially(() => clearIfUnchanged(due)), delay),
        };
        pending = due;
        return ok({ Copied: true as const, ClearsAt: timer.now() + delay });
      });
    },

    async copyText(payload) {
      const request = parse(CopyTextRequest, 'copyText', payload);
      if (!request.ok) return request;
      // A pending clear stays: it will find the clipboard changed and leave it alone.
      return serially(async () => {
        try {
          await clipboard.writeText(request.value.Text);
        } catch {
          return fail('KMSInternalException', UNAVAILABLE);
        }
        return ok({ Copied: true as const });
      });
    },

    hasPendingClear: () => pending !== undefined,

    flush: () =>
      serially(async () => {
        if (!pending) return;
        timer.clearTimeout(pending.handle);
        await clearIfUnchanged(pending);
      }),
  };
}
