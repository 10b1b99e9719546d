// Makes the chosen client available to every form without importing window.qkms anywhere else.
import { createContext, useContext, type ReactNode } from 'react';
import type { QkmsClient } from './client';

const ApiContext = createContext<QkmsClient | null>(null);

export function ApiProvider({ client, children }: { client: QkmsClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): QkmsClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it');
  return client;
}
