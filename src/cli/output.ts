// How a response is printed: JSON by default, as the AWS CLI does; `--query` picks a part by a dotted
// path (a small subset of JMESPath: `KeyMetadata.KeyId`, `Keys[0].KeyId`), `--output text` prints a
// scalar bare, so scripts can write `KEY=$(qkms create-key … --query KeyMetadata.KeyId --output text)`.
import { UsageError } from './usage-error';

export interface OutputOptions {
  query?: string;
  format: 'json' | 'text';
}

const STEP = /^([A-Za-z][A-Za-z0-9]*)((?:\[\d+\])*)$/;

function select(value: unknown, query: string): unknown {
  let current = value;
  for (const step of query.split('.')) {
    const match = STEP.exec(step);
    if (!match)
      throw new UsageError(
        `--query: '${query}' is not supported; use a dotted path such as KeyMetadata.KeyId or Keys[0].KeyId`,
      );
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[match[1] as string]
        : undefined;
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    }
  }
  return current ?? null;
}

const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';
const scalarText = (value: unknown): string => (value === null || value === undefined ? 'None' : String(value));

/**
 * AWS-CLI-like text: the scalar fields of an object on one tab-separated line (in response order), then its
 * nested objects and lists, one line per object; a list of scalars is one tab-separated line.
 */
function asText(value: unknown): string[] {
  if (isScalar(value)) return [scalarText(value)];
  if (Array.isArray(value)) {
    return value.every(isScalar) ? [value.map(scalarText).join('\t')] : value.flatMap((item) => asText(item));
  }
  const entries = Object.values(value as Record<string, unknown>);
  const scalars = entries.filter(isScalar);
  const nested = entries.filter((entry) => !isScalar(entry));
  return [
    ...(scalars.length > 0 ? [scalars.map(scalarText).join('\t')] : []),
    ...nested.flatMap((entry) => asText(entry)),
  ];
}

/** The text to print for a response, or nothing for an empty response (as the AWS CLI prints nothing). */
export function renderResponse(response: object, options: OutputOptions): string | undefined {
  if (options.query === undefined && Object.keys(response).length === 0) return undefined;
  const value = options.query === undefined ? response : select(response, options.query);
  return options.format === 'text' ? asText(value).join('\n') : JSON.stringify(value, null, 4);
}

/** Takes the global output options out of a command's arguments. */
export function takeOutputOptions(args: readonly string[]): { rest: string[]; output: OutputOptions } {
  const rest: string[] = [];
  const output: OutputOptions = { format: 'json' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] =
      arg.includes('=') && arg.startsWith('--')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name !== '--query' && name !== '--output') {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    if (name === '--query') output.query = value;
    else if (value === 'json' || value === 'text') output.format = value;
    else throw new UsageError(`--output must be json or text, got '${value}'`);
  }
  return { rest, output };
}
