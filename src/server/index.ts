// The loopback TrentService endpoint: JSON 1.1 + SigV4 over the core service, for AWS SDK clients and
// the AWS CLI (`--endpoint-url http://127.0.0.1:PORT`). Used by `qkms serve` and the app's switch.
export {
  startServer,
  DEFAULT_LIMITS,
  LOOPBACK_HOST,
  type StartServerOptions,
  type RunningServer,
  type EndpointLimits,
} from './start-server';
export {
  resolveCredentials,
  generateCredentials,
  CREDENTIALS_ACCOUNT,
  type ResolvedCredentials,
  type CredentialKeychain,
} from './credentials';
export { MAX_CLOCK_SKEW_MS, type EndpointCredentials } from './sigv4-verify';
