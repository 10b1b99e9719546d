// The `qkms` command: one command per operation, AWS-CLI shaped, over the same core as the app.
import { OPERATION_NAMES, type OperationName } from '../shared/operations';
import { QkmsError, type WireError } from '../shared/errors';
import { openDefaultService } from '../core/open-service';
import { ENDPOINT_ONLY, ENDPOINT_ONLY_REASON } from './command-summaries';
import { commandHelp, mainHelp } from './help';
import { QKMS_VERSION } from './version';
import { commandOf } from './parameters';
import { renderResponse, takeOutputOptions } from './output';
import { buildRequest } from './request-builder';
import { runServe } from './serve-command';
import { EXIT_SERVICE, EXIT_USAGE, UsageError } from './usage-error';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const OPERATIONS_BY_COMMAND = new Map<string, OperationName>(OPERATION_NAMES.map((op) => [commandOf(op), op]));

function printServiceError(io: CliIo, operation: string, error: WireError): number {
  io.err(`An error occurred (${error.__type}) when calling the ${operation} operation: ${error.message}`);
  return EXIT_SERVICE;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === 'help' || command === '-h') {
    io.out(mainHelp());
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version' || command === 'version') {
    io.out(`qkms ${QKMS_VERSION}`);
    return 0;
  }
  if (command === 'serve') return runServe(args, io);
  const operation = OPERATIONS_BY_COMMAND.get(command);
  if (!operation) {
    io.err(`qkms: '${command}' is not a command. Run 'qkms --help' for the list.`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp(operation));
    return 0;
  }
  if (ENDPOINT_ONLY.has(operation)) {
    io.err(`qkms ${command}: works through the endpoint only: ${ENDPOINT_ONLY_REASON}`);
    return EXIT_USAGE;
  }
  try {
    const { rest, output } = takeOutputOptions(args);
    const request = buildRequest(operation, rest);
    const result = await openDefaultService(io.env).call(operation, request);
    if (!result.ok) return printServiceError(io, operation, result.error);
    const text = renderResponse(result.value, output);
    if (text !== undefined) io.out(text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`qkms ${command}: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof QkmsError) return printServiceError(io, operation, error.toWire());
    throw error;
  }
}
