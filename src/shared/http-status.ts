// The HTTP status of each outcome on the JSON 1.1 wire, shared by the loopback endpoint (which sends it)
// and the GUI's request / response view (which shows it).
//
// Statuses follow AWS's JSON 1.1 services: 400 for every client error (auth errors included, as KMS
// does), 500 for server faults. KeyUnavailableException is 500, as in the AWS KMS model (a server-side
// condition — here a locked or unreachable OS keychain — that a retry may outlive); so is
// DependencyTimeoutException (the choice; the AWS model says 503). Two endpoint-only statuses:
// 413 RequestEntityTooLargeException and 408 RequestTimeoutException (a body that arrives too slowly).
import type { ErrorCode } from './errors';

/** The error types the endpoint sends: the API's codes plus one of HTTP's own. */
export type EndpointErrorType = ErrorCode | 'RequestTimeoutException';

const SERVER_FAULTS: ReadonlySet<EndpointErrorType> = new Set([
  'KMSInternalException',
  'DependencyTimeoutException',
  'KeyUnavailableException',
]);

export function statusOf(type: EndpointErrorType): number {
  if (type === 'RequestEntityTooLargeException') return 413;
  if (type === 'RequestTimeoutException') return 408;
  return SERVER_FAULTS.has(type) ? 500 : 400;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

/** `HTTP/1.1 400 Bad Request` and the like. */
export const statusLineOf = (status: number): string => `HTTP/1.1 ${status} ${REASONS[status] ?? ''}`.trimEnd();
