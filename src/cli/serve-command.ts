// `qkms serve [--port N]`: the loopback TrentService endpoint for AWS SDK clients and the AWS CLI.
import { openKeychain, openService, settingsFromEnv } from '../core/open-service';
import { resolveCredentials, startServer, type EndpointCredentials, type RunningServer } from '../server';
import type { CliIo } from './main';
import { groupOptions } from './request-builder';
import { EXIT_SERVICE, EXIT_USAGE, UsageError } from './usage-error';
import { QkmsError } from '../shared/errors';

const SERVE_HELP = [
  'usage: qkms serve [--port N]',
  '',
  'Serves the TrentService JSON 1.1 API on http://127.0.0.1:N (default 4566; 0 picks a free port), signed',
  'with SigV4 (service kms, any region). Credentials: QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY, or a',
  'pair generated on first use and kept in the OS keychain; both are printed at start. Stop with Ctrl-C.',
].join('\n');

function portOf(args: readonly string[]): number {
  const groups = groupOptions(args);
  for (const option of groups.keys())
    if (option !== '--port') throw new UsageError(`Unknown option ${option} for serve`);
  const values = groups.get('--port');
  if (!values) return 4566;
  const port = Number(values[0]);
  if (values.length !== 1 || !/^\d{1,5}$/.test(values[0] ?? '') || port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got '${values.join(' ')}'`);
  }
  return port;
}

export async function runServe(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(SERVE_HELP);
    return 0;
  }
  let port: number;
  try {
    port = portOf(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`qkms serve: ${error.message}`);
    return EXIT_USAGE;
  }
  let server: RunningServer;
  let credentials: EndpointCredentials;
  try {
    const settings = settingsFromEnv(io.env);
    credentials = await resolveCredentials(io.env, openKeychain(settings));
    server = await startServer({ service: openService(settings), port, credentials, log: io.err });
  } catch (error) {
    // Settings, the keychain and a busy or forbidden port all say exactly what is wrong; print it.
    if (error instanceof QkmsError) io.err(`qkms serve: ${error.code}: ${error.message}`);
    else if (error instanceof Error) io.err(`qkms serve: ${error.message}`);
    else throw error;
    return EXIT_SERVICE;
  }
  io.out(
    JSON.stringify(
      {
        Endpoint: `http://127.0.0.1:${server.port}`,
        Region: 'any',
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
      },
      null,
      4,
    ),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
