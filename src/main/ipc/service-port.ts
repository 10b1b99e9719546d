// The one thing the IPC handlers need from the core: `call`, which validates, never throws, and returns
// errors as values. Declared structurally so the handlers depend on the core's contract, not its module.
import type { Result } from '../../shared/errors';
import type { OperationName, Responses } from '../../shared/operations';

export interface KmsServicePort {
  call<Op extends OperationName>(operation: Op, request: unknown): Promise<Result<Responses[Op]>>;
}
