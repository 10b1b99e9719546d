// What an SDK client needs while the endpoint runs: the URL, the access key id, the secret access key
// (masked until revealed) and a ready-to-paste AWS CLI or SDK snippet. The secret is a SigV4 API
// credential the user copies into their configuration, so it is copied with copyText, like the key id.
import { useState } from 'react';
import { CopyButton } from '../components/CopyButton';
import { Segmented } from '../components/Segmented';
import { SNIPPET_LABELS, maskOf, snippet, type Running, type SnippetKind } from './snippets';

const SNIPPET_KINDS = (['cli', 'sdk'] as const).map((value) => ({ value, label: SNIPPET_LABELS[value] }));

const SOURCES: Record<Running['CredentialsSource'], string> = {
  environment: 'From QKMS_ACCESS_KEY_ID and QKMS_SECRET_ACCESS_KEY.',
  keychain: 'The pair kept in the OS keychain; the same every time the endpoint starts.',
  generated: 'Generated now and kept in the OS keychain; the same every time the endpoint starts.',
};

export function EndpointDetails({ status }: { status: Running }) {
  const [revealed, setRevealed] = useState(false);
  const [kind, setKind] = useState<SnippetKind>('cli');
  const secret = status.SecretAccessKey;

  return (
    <div className="endpoint-details" data-testid="endpoint-details">
      <dl className="fields">
        <dt>Endpoint URL</dt>
        <dd className="with-copy">
          <code className="mono wrap" data-testid="endpoint-url">
            {status.Url}
          </code>
          <CopyButton text={status.Url} />
        </dd>
        <dt>Region</dt>
        <dd>Any (the snippets use us-east-1)</dd>
        <dt>Access key id</dt>
        <dd className="with-copy">
          <code className="mono wrap" data-testid="endpoint-access-key-id">
            {status.AccessKeyId}
          </code>
          <CopyButton text={status.AccessKeyId} />
        </dd>
        <dt>Secret access key</dt>
        <dd>
          <div className={`secret-box${revealed ? ' revealed' : ''}`}>
            <code
              className="mono wrap"
              data-testid="endpoint-secret-access-key"
              aria-label={revealed ? 'Secret access key' : 'Secret access key, hidden'}
            >
              {revealed ? secret : maskOf(secret)}
            </code>
          </div>
          <div className="secret-controls">
            <button
              type="button"
              className="button small"
              aria-pressed={revealed}
              onClick={() => setRevealed(!revealed)}
            >
              {revealed ? 'Hide' : 'Reveal'}
            </button>
            <CopyButton text={secret} label="Copy secret" />
          </div>
          <p className="field-hint endpoint-source">{SOURCES[status.CredentialsSource]}</p>
        </dd>
      </dl>

      <div className="subsection">
        <div className="endpoint-snippet-head">
          <h3 className="subsection-title" id="endpoint-snippet-title">
            Try it
          </h3>
          <Segmented label="Snippet for" options={SNIPPET_KINDS} value={kind} onChange={setKind} />
          <CopyButton text={snippet(kind, status, false)} label="Copy snippet" />
        </div>
        <pre className="blob endpoint-snippet" aria-labelledby="endpoint-snippet-title" data-testid="endpoint-snippet">
          {snippet(kind, status, !revealed)}
        </pre>
      </div>
    </div>
  );
}
