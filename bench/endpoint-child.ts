// The endpoint under benchmark, in its own process (forked by bench/run.ts) so that the SDK client's
// signing and the server's work do not share one event loop. It opens the service named by
// QKMS_BENCH_SETTINGS, starts the endpoint on a free loopback port, and reports port and (throwaway)
// credentials to the parent over the IPC channel; it stops when the parent disconnects.
import { openService, type ServiceSettings } from '../src/core/open-service';
import { generateCredentials, startServer } from '../src/server';

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.QKMS_BENCH_SETTINGS ?? '{}') as ServiceSettings;
  const credentials = generateCredentials();
  const server = await startServer({
    service: openService(settings),
    credentials,
    log: () => {},
    limits: { maxConcurrentRequests: 256 },
  });
  process.send?.({ port: server.port, credentials });
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`bench endpoint: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
