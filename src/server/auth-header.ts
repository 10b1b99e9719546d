// Parsing (only parsing) of a SigV4 Authorization header:
//   AWS4-HMAC-SHA256 Credential=<key id>/<yyyymmdd>/<region>/<service>/aws4_request,
//                    SignedHeaders=<h1;h2;...>, Signature=<64 hex>
// Each way it can be malformed is an IncompleteSignatureException naming what is wrong, worded like
// AWS's. The header's value is never echoed back (it is not secret, but it is the caller's credential).
import { EndpointError } from './wire';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SIGV4_SERVICE = 'kms';
const TERMINATOR = 'aws4_request';

export interface ParsedAuthorization {
  accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** As listed, lowercase. */
  signedHeaders: string[];
  /** 64 lowercase hex digits. */
  signature: string;
}

const incomplete = (message: string): EndpointError => new EndpointError('IncompleteSignatureException', message);

/** Credential=, SignedHeaders=, Signature= (in any order, each once). */
function components(rest: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const raw of rest.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw incomplete(`Authorization header component '${part.slice(0, 20)}' is not a key=value pair`);
    const name = part.slice(0, eq);
    if (parts.has(name)) throw incomplete(`Authorization header has '${name.slice(0, 20)}' twice`);
    parts.set(name, part.slice(eq + 1));
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!parts.has(required)) throw incomplete(`Authorization header requires '${required}' parameter.`);
  }
  return parts;
}

export function parseAuthorization(value: string): ParsedAuthorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    throw incomplete(`Unsupported AWS 'algorithm': the endpoint accepts only ${SIGV4_ALGORITHM} (SigV4) signatures.`);
  }
  const parts = components(space < 0 ? '' : value.slice(space + 1));
  const credential = parts.get('Credential')!.split('/');
  if (credential.length !== 5 || credential.some((c) => c === '')) {
    throw incomplete("Credential must have the form '<access key id>/<yyyymmdd>/<region>/kms/aws4_request'.");
  }
  const [accessKeyId, scopeDate, region, service, terminator] = credential as [string, string, string, string, string];
  if (!/^\d{8}$/.test(scopeDate)) throw incomplete('The date in the Credential scope must be 8 digits (yyyymmdd).');
  if (terminator !== TERMINATOR)
    throw incomplete(`Credential should be scoped with a valid terminator: '${TERMINATOR}'.`);
  const signedHeaders = parts.get('SignedHeaders')!.split(';');
  if (signedHeaders.some((h) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(h))) {
    throw incomplete('SignedHeaders must be lowercase header names separated by semicolons.');
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!signedHeaders.includes(required))
      throw incomplete(`'${required}' must be a SignedHeader in the AWS Authorization.`);
  }
  const signature = parts.get('Signature')!;
  if (!/^[0-9a-f]{64}$/.test(signature)) throw incomplete('Signature must be 64 lowercase hexadecimal digits.');
  return { accessKeyId, scopeDate, region, service, signedHeaders, signature };
}
