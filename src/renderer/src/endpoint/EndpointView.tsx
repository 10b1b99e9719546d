// The Endpoint view: the switch that serves this workstation's keys to AWS SDKs and the AWS CLI on
// http://127.0.0.1:PORT (off until switched on, stopped when the app quits), the port, and while it runs
// the URL and the SigV4 credentials to paste into an SDK or CLI configuration.
import { useState } from 'react';
import { ENDPOINT_PORT } from '../../../shared/ipc-contract';
import { ErrorView } from '../components/ErrorView';
import { EndpointDetails } from './EndpointDetails';
import { useEndpoint } from './useEndpoint';

export function EndpointView() {
  const { status, busy, error, start, stop } = useEndpoint();
  const [port, setPort] = useState(String(ENDPOINT_PORT.suggested));
  const on = status?.Running === true;
  // A refused port (out of range, or already in use) points at the Port field.
  const portError =
    (error?.__type === 'ValidationException' && /\bPort\b/.test(error.message)) ||
    error?.__type === 'AlreadyExistsException';

  const toggle = () => {
    // aria-disabled, not disabled: the switch keeps keyboard focus while the main process answers.
    if (busy || status === null) return;
    void (on ? stop() : start(port));
  };

  return (
    <section className="panel endpoint-panel" aria-labelledby="endpoint-heading" data-testid="endpoint-panel">
      <h2 id="endpoint-heading" className="panel-title">
        Loopback endpoint
      </h2>
      <p className="panel-lede">
        Serves the keys on this workstation to the AWS SDKs and the AWS CLI, unchanged but for the endpoint URL. It
        listens on 127.0.0.1 only, so only programs on this machine can reach it, and every request must be signed with
        the credentials below. It stays off until you switch it on, and stops when QKMS Desktop quits.
      </p>

      <div className="endpoint-controls">
        <div className="endpoint-switch-row">
          <button
            type="button"
            role="switch"
            className="switch"
            aria-checked={on}
            aria-disabled={busy || status === null}
            aria-busy={busy}
            aria-labelledby="endpoint-switch-label"
            aria-describedby="endpoint-switch-state"
            onClick={toggle}
          >
            <span className="switch-thumb" aria-hidden="true" />
          </button>
          <span id="endpoint-switch-label" className="endpoint-switch-label">
            Serve the endpoint
          </span>
          <span id="endpoint-switch-state" className="endpoint-switch-state" aria-live="polite">
            {status === null ? 'Checking…' : busy ? (on ? 'Stopping…' : 'Starting…') : on ? `On, ${status.Url}` : 'Off'}
          </span>
        </div>
        <label className="field endpoint-port-field">
          <span className="field-label">Port</span>
          <input
            className="input narrow mono"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={on ? String(status.Port) : port}
            readOnly={on}
            aria-invalid={portError}
            aria-describedby="endpoint-port-hint"
            onChange={(e) => setPort(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !on) toggle();
            }}
          />
          <span id="endpoint-port-hint" className="field-hint">
            {on
              ? 'Switch the endpoint off to change the port.'
              : `${ENDPOINT_PORT.min}–${ENDPOINT_PORT.max}, or ${ENDPOINT_PORT.anyFree} for any free port.`}
          </span>
        </label>
      </div>

      {error && <ErrorView error={error} field={portError ? 'Port' : undefined} />}
      {on && <EndpointDetails status={status} />}
    </section>
  );
}
