// A mistake in how the command was called (exit 252, as the AWS CLI), as opposed to a service error (254).
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_USAGE = 252;
export const EXIT_SERVICE = 254;
