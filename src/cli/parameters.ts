// The CLI's parameters come from the request schemas: every request field is a `--kebab-case` option,
// and its kind (text, number, flag, blob, list, structure) is read off the schema, so a new field in the
// contract is a new option here with nothing else to change.
import type { z } from 'zod';
import { REQUEST_SCHEMAS, type OperationName } from '../shared/operations';
import { BLOB } from '../shared/requests/fields';

export type ParameterKind = 'string' | 'number' | 'boolean' | 'blob' | 'list' | 'structure-list' | 'structure' | 'enum';

export interface Parameter {
  field: string;
  option: string;
  kind: ParameterKind;
  required: boolean;
  choices?: readonly string[];
}

interface SchemaNode {
  _zod: { def: { type: string; innerType?: SchemaNode; element?: SchemaNode; entries?: Record<string, string> } };
  description?: string;
}

export const optionOf = (field: string): string => `--${field.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
export const commandOf = (operation: string): string => optionOf(operation).slice(2);

function kindOf(node: SchemaNode): Pick<Parameter, 'kind' | 'choices'> {
  const { type, element, entries } = node._zod.def;
  if (node.description === BLOB) return { kind: 'blob' };
  if (type === 'enum') return { kind: 'enum', choices: Object.values(entries ?? {}) };
  if (type === 'array') return { kind: element?._zod.def.type === 'object' ? 'structure-list' : 'list' };
  if (type === 'object') return { kind: 'structure' };
  if (type === 'number' || type === 'boolean' || type === 'string') return { kind: type };
  throw new Error(`The CLI has no reading for schema type ${type}`);
}

export function parametersOf(operation: OperationName): Parameter[] {
  const shape = (REQUEST_SCHEMAS[operation] as unknown as z.ZodObject).shape as Record<string, SchemaNode>;
  return Object.entries(shape).map(([field, schema]) => {
    const optional = schema._zod.def.type === 'optional';
    const inner = optional && schema._zod.def.innerType ? schema._zod.def.innerType : schema;
    return { field, option: optionOf(field), required: !optional, ...kindOf(inner) };
  });
}
