// Turns a command's options into the request object (the wire shape), AWS-CLI style. The object is then
// validated by the shared schema like every other adapter's, so this only reads, it does not judge.
import type { OperationName } from '../shared/operations';
import { blobArgument, textArgument } from './blob-input';
import { parametersOf, type Parameter } from './parameters';
import { UsageError } from './usage-error';

/** An option name; a value such as PEM text (`-----BEGIN …`) also starts with dashes but is no option. */
const OPTION = /^--[a-z][a-z0-9-]*(?:=|$)/;

/** `--name value…` groups, in order; `--name=value` is one value. */
export function groupOptions(args: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const arg of args) {
    if (OPTION.test(arg)) {
      const [name, inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
      if (groups.has(name)) throw new UsageError(`${name} was given more than once`);
      current = inline === undefined ? [] : [inline];
      groups.set(name, current);
    } else if (current) {
      current.push(arg);
    } else {
      throw new UsageError(`Unexpected argument '${arg}': options start with --`);
    }
  }
  return groups;
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${option}: not valid JSON`);
  }
}

/** AWS CLI shorthand `Key=value,Key2=value2`, or JSON. */
function structureArgument(value: string, option: string): unknown {
  const text = textArgument(value, option).trim();
  if (text.startsWith('{') || text.startsWith('[')) return parseJson(text, option);
  const entries = text.split(',').map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new UsageError(`${option}: expected Key=value pairs separated by commas, or JSON; got '${pair}'`);
    return [pair.slice(0, at).trim(), pair.slice(at + 1)];
  });
  return Object.fromEntries(entries);
}

function single(parameter: Parameter, values: string[]): string {
  if (values.length !== 1) throw new UsageError(`${parameter.option} takes exactly one value, got ${values.length}`);
  return values[0] as string;
}

function valueOf(parameter: Parameter, values: string[]): unknown {
  switch (parameter.kind) {
    case 'boolean':
      if (values.length > 0) throw new UsageError(`${parameter.option} is a switch and takes no value`);
      return true;
    case 'number': {
      const text = single(parameter, values);
      // Plain decimal only: Number() would also take '1e2', '0x10', ' 7' and '' (as 0).
      if (!/^-?\d+(\.\d+)?$/.test(text)) throw new UsageError(`${parameter.option} must be a number, got '${text}'`);
      return Number(text);
    }
    case 'blob':
      return blobArgument(parameter.field, single(parameter, values), parameter.option);
    case 'list':
      if (values.length === 1 && values[0]?.trim().startsWith('[')) return parseJson(values[0], parameter.option);
      if (values.length === 0) throw new UsageError(`${parameter.option} needs at least one value`);
      return values;
    case 'structure-list':
      if (values.length === 1 && values[0]?.trim().startsWith('[')) return parseJson(values[0], parameter.option);
      if (values.length === 0) throw new UsageError(`${parameter.option} needs at least one value`);
      return values.map((value) => structureArgument(value, parameter.option));
    case 'structure':
      return structureArgument(single(parameter, values), parameter.option);
    default:
      return textArgument(single(parameter, values), parameter.option);
  }
}

/** The request for `operation` from its options; `--cli-input-json` gives a base that options override. */
export function buildRequest(operation: OperationName, args: readonly string[]): Record<string, unknown> {
  const groups = groupOptions(args);
  const parameters = parametersOf(operation);
  let request: Record<string, unknown> = {};
  const inputJson = groups.get('--cli-input-json');
  if (inputJson) {
    const parsed = parseJson(
      textArgument(single({ option: '--cli-input-json' } as Parameter, inputJson), '--cli-input-json'),
      '--cli-input-json',
    );
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new UsageError('--cli-input-json must be a JSON object');
    request = { ...(parsed as Record<string, unknown>) };
    groups.delete('--cli-input-json');
  }
  for (const [option, values] of groups) {
    const negated = option.startsWith('--no-')
      ? parameters.find((p) => p.kind === 'boolean' && p.option === `--${option.slice(5)}`)
      : undefined;
    if (negated) {
      if (values.length > 0) throw new UsageError(`${option} is a switch and takes no value`);
      request[negated.field] = false;
      continue;
    }
    const parameter = parameters.find((p) => p.option === option);
    if (!parameter) {
      const known = parameters.map((p) => p.option).join(', ');
      throw new UsageError(`Unknown option ${option} for ${operation}; its options are: ${known}, --cli-input-json`);
    }
    request[parameter.field] = valueOf(parameter, values);
  }
  const missing = parameters.filter((p) => p.required && request[p.field] === undefined).map((p) => p.option);
  if (missing.length > 0) throw new UsageError(`the following arguments are required: ${missing.join(', ')}`);
  return request;
}
