// Help text, generated from the operation registry so it always lists what exists.
import { OPERATION_NAMES, type OperationName } from '../shared/operations';
import { COMMAND_SUMMARIES, ENDPOINT_ONLY, ENDPOINT_ONLY_REASON } from './command-summaries';
import { commandOf, parametersOf } from './parameters';

export function mainHelp(): string {
  const commands = OPERATION_NAMES.map((op) => `  ${commandOf(op).padEnd(28)}${COMMAND_SUMMARIES[op]}`);
  return [
    'usage: qkms <command> [options]',
    '',
    'The QKMS TrentService API on this workstation. Responses are printed as JSON on stdout; errors go to',
    'stderr ("An error occurred (Code) when calling the Operation operation: message") with exit code 254,',
    'usage mistakes with exit code 252.',
    '',
    'Commands:',
    ...commands,
    `  ${'serve'.padEnd(28)}run the loopback endpoint for AWS SDK clients (qkms serve --help)`,
    '',
    'Blob options take text (base64; public keys also hex, PEM or JWK), fileb://<path> (raw bytes) or',
    'file://<path> (text). Any command takes --cli-input-json <json | file://path> with the request body,',
    '--query <dotted.path[0]> to print a part of the response, and --output json|text.',
    '',
    `Wrapped import (get-parameters-for-import, import-key-material) works through the endpoint only: ${ENDPOINT_ONLY_REASON}`,
    '',
    'Environment:',
    "  QKMS_DATA_DIR               folder of the key index (default: the desktop app's data folder)",
    '  QKMS_KEYCHAIN_SERVICE       keychain service name of the private keys (default qkms)',
    '  QKMS_ACCOUNT_ID             12-digit account id in ARNs (default 111122223333)',
    '  QKMS_KEYCHAIN_TIMEOUT_MS    bound on one keychain call, 100-600000 (default 10000)',
    "  QKMS_ACCESS_KEY_ID, QKMS_SECRET_ACCESS_KEY   the endpoint's credentials (default: generated, kept in the keychain)",
    '',
    'qkms --version prints the version.',
    '',
    "Run 'qkms <command> --help' for a command's options.",
  ].join('\n');
}

export function commandHelp(operation: OperationName): string {
  const lines = parametersOf(operation).map((p) => {
    const kind = p.kind === 'enum' ? (p.choices ?? []).join(' | ') : p.kind;
    return `  ${p.option.padEnd(28)}${p.required ? 'required' : 'optional'}  ${kind}`;
  });
  return [
    `usage: qkms ${commandOf(operation)} [options]`,
    '',
    COMMAND_SUMMARIES[operation],
    ...(ENDPOINT_ONLY.has(operation) ? ['', `Through the endpoint only: ${ENDPOINT_ONLY_REASON}`] : []),
    '',
    'Options:',
    ...lines,
    `  ${'--cli-input-json'.padEnd(28)}optional  JSON request body`,
  ].join('\n');
}
