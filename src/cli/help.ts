// Help text, generated from the operation registry so it always lists what exists.
import { OPERATION_NAMES, QKMS_EXTENSIONS, type OperationName } from '../shared/operations';
import { commandOf, parametersOf } from './parameters';

export function mainHelp(): string {
  const commands = OPERATION_NAMES.map(
    (op) => `  ${commandOf(op).padEnd(28)}${QKMS_EXTENSIONS.includes(op) ? '(QKMS extension)' : ''}`,
  );
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
    'Environment: QKMS_DATA_DIR (key index folder), QKMS_KEYCHAIN_SERVICE (keychain service name, default qkms),',
    'QKMS_ACCOUNT_ID (12-digit account in ARNs, default 111122223333).',
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
    'Options:',
    ...lines,
    `  ${'--cli-input-json'.padEnd(28)}optional  JSON request body`,
  ].join('\n');
}
