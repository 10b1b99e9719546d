// The exchange in the form of the spec page: the HTTP request the loopback endpoint would receive
// (POST /, the two headers, the JSON 1.1 body) and its response. The IPC payload is that same body,
// so this is exactly what was sent. The secret is masked here too unless the user revealed it.
import { statusLineOf, statusOf } from '../../../shared/http-status';
import type { Exchange } from '../derive/exchange';
import { base64Length } from '../lib/bytes';
import { CopyButton } from '../components/CopyButton';

function statusLine(exchange: Exchange): string {
  return statusLineOf(exchange.outcome.ok ? 200 : statusOf(exchange.outcome.error.__type));
}

function responseBody(exchange: Exchange, revealed: boolean): unknown {
  if (!exchange.outcome.ok) return exchange.outcome.error;
  const { KeyId, SharedSecret, ...rest } = exchange.outcome.value;
  if (SharedSecret === undefined || revealed) return exchange.outcome.value;
  // Same field order as the real response, with the secret replaced by its length.
  return { KeyId, SharedSecret: `<hidden: ${base64Length(SharedSecret)} bytes>`, ...rest };
}

export function WireExchange({ exchange, revealed }: { exchange: Exchange; revealed: boolean }) {
  const request = [
    'POST / HTTP/1.1',
    'Content-Type: application/x-amz-json-1.1',
    'X-Amz-Target: TrentService.DeriveSharedSecret',
    '',
    JSON.stringify(exchange.request, null, 2),
  ].join('\n');
  const response = [
    statusLine(exchange),
    'Content-Type: application/x-amz-json-1.1',
    '',
    JSON.stringify(responseBody(exchange, revealed), null, 2),
  ].join('\n');

  return (
    <details className="wire" open>
      <summary>Request / response</summary>
      <div className="wire-grid">
        <div className="wire-part">
          <div className="wire-head">
            <h3 className="wire-title">Request</h3>
            <CopyButton text={JSON.stringify(exchange.request)} label="Copy body" />
          </div>
          <pre className="mono wire-text" data-testid="wire-request" tabIndex={0} aria-label="Request">
            {request}
          </pre>
        </div>
        <div className="wire-part">
          <div className="wire-head">
            <h3 className="wire-title">Response</h3>
          </div>
          <pre className="mono wire-text" data-testid="wire-response" tabIndex={0} aria-label="Response">
            {response}
          </pre>
        </div>
      </div>
    </details>
  );
}
