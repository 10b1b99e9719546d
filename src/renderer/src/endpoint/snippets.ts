// Ready-to-paste usage of the running endpoint: the AWS CLI and the AWS SDK for JavaScript v3. The
// endpoint accepts any region; the snippets name one because the tools insist on one.
import type { EndpointStatus } from '../../../shared/ipc-contract';

export type Running = Extract<EndpointStatus, { Running: true }>;
export type SnippetKind = 'cli' | 'sdk';

export const SNIPPET_LABELS: Record<SnippetKind, string> = { cli: 'AWS CLI', sdk: 'SDK for JavaScript' };

/** A POSIX shell word: single-quoted, unless it needs no quoting at all. */
const shellWord = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** A single-quoted JavaScript string. */
const jsString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The secret as shown until revealed: one bullet per character, at most 40. */
export const maskOf = (secret: string): string => '•'.repeat(Math.min(secret.length, 40));

/** The snippet; with `masked`, the secret access key is bullets (the copy button copies the real one). */
export function snippet(kind: SnippetKind, status: Running, masked: boolean): string {
  const secret = status.SecretAccessKey;
  if (kind === 'cli') {
    const word = masked ? maskOf(secret) : shellWord(secret);
    return [
      `export AWS_ACCESS_KEY_ID=${shellWord(status.AccessKeyId)} AWS_SECRET_ACCESS_KEY=${word} AWS_DEFAULT_REGION=us-east-1`,
      `aws kms list-keys --endpoint-url ${status.Url}`,
    ].join('\n');
  }
  return [
    `import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';`,
    ``,
    `const kms = new KMSClient({`,
    `  endpoint: ${jsString(status.Url)},`,
    `  region: 'us-east-1',`,
    `  credentials: {`,
    `    accessKeyId: ${jsString(status.AccessKeyId)},`,
    `    secretAccessKey: ${jsString(masked ? maskOf(secret) : secret)},`,
    `  },`,
    `});`,
    `console.log(await kms.send(new ListKeysCommand({})));`,
  ].join('\n');
}
