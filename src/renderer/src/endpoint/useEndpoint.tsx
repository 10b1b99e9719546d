// The loopback endpoint's state, shared by the header's indicator and the Endpoint view. The main process
// owns the server; this asks it once for the status, then keeps the answer of each switch.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Result, WireError } from '../../../shared/errors';
import type { EndpointStatus } from '../../../shared/ipc-contract';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

interface Endpoint {
  /** null until the first answer. */
  status: EndpointStatus | null;
  busy: boolean;
  error: WireError | null;
  /** `port` is what the user typed: digits become a number, anything else goes as it is, for the main
   *  process to refuse with its one specific message. */
  start: (port: string) => Promise<void>;
  stop: () => Promise<void>;
}

const EndpointContext = createContext<Endpoint | null>(null);

export function EndpointProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<EndpointStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);

  useEffect(() => {
    let live = true;
    void settle(() => api.getEndpointStatus()).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const run = useCallback(async (action: () => Promise<Result<EndpointStatus>>) => {
    setBusy(true);
    setError(null);
    const result = await settle(action);
    if (result.ok) setStatus(result.value);
    else setError(result.error);
    setBusy(false);
  }, []);

  const start = useCallback(
    (port: string) => {
      const text = port.trim();
      const Port = (/^\d{1,6}$/.test(text) ? Number(text) : text) as number;
      return run(() => api.startEndpoint({ Port }));
    },
    [api, run],
  );
  const stop = useCallback(() => run(() => api.stopEndpoint()), [api, run]);

  return <EndpointContext.Provider value={{ status, busy, error, start, stop }}>{children}</EndpointContext.Provider>;
}

export function useEndpoint(): Endpoint {
  const endpoint = useContext(EndpointContext);
  if (!endpoint) throw new Error('needs an <EndpointProvider> above it');
  return endpoint;
}
