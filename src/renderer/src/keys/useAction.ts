// Runs one key action (enable, disable, tag…) at a time for the details pane: tracks which one is
// running (for the button's progress), keeps its error for the pane's ErrorView, and reloads the list.
import { useState } from 'react';
import type { Result, WireError } from '../../../shared/errors';
import { settle } from '../api/client';

export function useAction(onDone: () => Promise<void> | void) {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<{ action: string; error: WireError } | null>(null);

  const run = async <T>(action: string, call: () => Promise<Result<T>>): Promise<T | undefined> => {
    setRunning(action);
    setError(null);
    const result = await settle(call);
    setRunning(null);
    if (!result.ok) {
      setError({ action, error: result.error });
      return undefined;
    }
    await onDone();
    return result.value;
  };

  return { running, error, run, clearError: () => setError(null) };
}
