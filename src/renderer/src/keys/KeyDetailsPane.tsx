// One key: its metadata, its public key in each format, aliases and tags, and the state actions.
// Everything shown comes from the list's KeyDetails (one index read) except the public key and tags,
// which are fetched when the key is opened.
import type { KeyDetails } from '../../../shared/responses';
import { CURVES } from '../../../shared/key-spec';
import { ErrorView } from '../components/ErrorView';
import { StateBadge } from '../components/StateBadge';
import { CopyButton } from '../components/CopyButton';
import { formatEpochSecondsLong, formatUntil } from '../lib/time';
import { AliasEditor } from './AliasEditor';
import { KeyStateActions } from './KeyStateActions';
import { PublicKeyExport } from './PublicKeyExport';
import { TagEditor } from './TagEditor';
import { useAction } from './useAction';

/**
 * An ARN that breaks only after its resource type ("…:key/" then the key id), never inside the id, so
 * the id stays whole on its own line for comparing.
 */
function ArnText({ arn }: { arn: string }) {
  const cut = arn.lastIndexOf('/') + 1;
  return (
    <code className="mono arn">
      {arn.slice(0, cut)}
      <wbr />
      <span className="arn-id">{arn.slice(cut)}</span>
    </code>
  );
}

interface Props {
  details: KeyDetails;
  onChanged: () => Promise<void>;
}

export function KeyDetailsPane({ details: k, onChanged }: Props) {
  const action = useAction(onChanged);
  const title = k.AliasNames[0] ?? k.KeyId;
  return (
    <section className="panel key-details" aria-labelledby="key-details-title" data-testid="key-details">
      <header className="key-details-head">
        <div className="key-details-name">
          <h2 id="key-details-title" className="panel-title" tabIndex={-1}>
            {title}
          </h2>
          <StateBadge state={k.KeyState} />
        </div>
        <KeyStateActions details={k} action={action} />
      </header>
      {k.KeyState === 'PendingDeletion' && k.DeletionDate !== undefined && (
        <p className="banner banner-warn" role="note">
          Scheduled for deletion on {formatEpochSecondsLong(k.DeletionDate)} ({formatUntil(k.DeletionDate)}). Until then
          it can be restored with Cancel deletion; after that the private key is gone for good.
        </p>
      )}
      {action.error && <ErrorView error={action.error.error} field={action.error.action} />}
      <dl className="fields meta">
        <dt>KeyId</dt>
        <dd className="with-copy">
          <code className="mono">{k.KeyId}</code>
          <CopyButton text={k.KeyId} />
        </dd>
        <dt>ARN</dt>
        <dd className="with-copy">
          <ArnText arn={k.Arn} />
          <CopyButton text={k.Arn} />
        </dd>
        <dt>KeySpec</dt>
        <dd>
          {k.KeySpec}{' '}
          <span className="muted">
            ({CURVES[k.KeySpec].displayName}, {CURVES[k.KeySpec].fieldBytes}-byte secret)
          </span>
        </dd>
        <dt>KeyUsage</dt>
        <dd>
          {k.KeyUsage}
          {k.KeyAgreementAlgorithms?.length ? (
            <span className="muted"> ({k.KeyAgreementAlgorithms.join(', ')})</span>
          ) : null}
        </dd>
        <dt>Origin</dt>
        <dd>{k.Origin === 'EXTERNAL' ? 'EXTERNAL (imported)' : 'AWS_KMS (generated here)'}</dd>
        <dt>Created</dt>
        <dd className="mono-num">{formatEpochSecondsLong(k.CreationDate)}</dd>
        <dt>Description</dt>
        <dd>{k.Description || <span className="muted">none</span>}</dd>
      </dl>
      <PublicKeyExport details={k} />
      <AliasEditor details={k} action={action} />
      <TagEditor keyId={k.KeyId} action={action} />
    </section>
  );
}
