// One validation step for every adapter: a request in the wire shape becomes a typed request, or a
// ValidationException whose message names each bad field.
import type { z } from 'zod';
import { QkmsError } from './errors';
import { REQUEST_SCHEMAS, type OperationName, type ValidRequests } from './operations';

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` in ${issue.path.join('.')}` : '';
      return `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}${where}`;
    }
    const field = issue.path.join('.');
    // Parsed with reportInput: an undefined `input` means the field was missing. Only enum values are echoed
    // back (short, never secret); blobs may hold key material and are never quoted.
    if (issue.input === undefined && field) return `${field} is required`;
    const message =
      field && !issue.message.startsWith(field.split('.')[0] ?? '') ? `${field}: ${issue.message}` : issue.message;
    if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
      return `${message}, got '${issue.input.slice(0, 40)}${issue.input.length > 40 ? '…' : ''}'`;
    }
    return message;
  });
  // One field can fail several checks with the same words (a huge Limit is neither an integer nor ≤ 1000).
  const unique = [...new Set(described)];
  const parts = unique.slice(0, 5);
  const more = unique.length > 5 ? ` (and ${unique.length - 5} more)` : '';
  return `${unique.length} validation error${unique.length > 1 ? 's' : ''}: ${parts.join('; ')}${more}`;
}

export function validateRequest<Op extends OperationName>(operation: Op, input: unknown): ValidRequests[Op] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new QkmsError('ValidationException', `The ${operation} request must be a JSON object`);
  }
  const parsed = REQUEST_SCHEMAS[operation].safeParse(input, { reportInput: true });
  if (!parsed.success) throw new QkmsError('ValidationException', describeIssues(parsed.error.issues));
  return parsed.data as ValidRequests[Op];
}
