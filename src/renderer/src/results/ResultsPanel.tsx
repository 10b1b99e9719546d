// The results pane of the derive view: the last exchange's secret or error, then the wire exchange.
// The heading takes focus after a derive, so keyboard and screen-reader users land on the answer.
import { useState } from 'react';
import { ErrorView } from '../components/ErrorView';
import { errorField, type Exchange } from '../derive/exchange';
import { SecretResult } from './SecretResult';
import { WireExchange } from './WireExchange';

interface Props {
  exchange: Exchange | null;
  onClear: () => void;
}

export function ResultsPanel({ exchange, onClear }: Props) {
  // Revealing is remembered per exchange, so every new secret starts masked.
  const [revealedFor, setRevealedFor] = useState<Exchange | null>(null);
  const revealed = exchange !== null && revealedFor === exchange;
  const setRevealed = (reveal: boolean) => setRevealedFor(reveal ? exchange : null);
  const clear = () => {
    setRevealedFor(null);
    onClear();
    document.getElementById('derive-key-id')?.focus();
  };

  return (
    <section className="panel results-panel" aria-labelledby="results-heading" data-testid="results-panel">
      <h2 id="results-heading" className="panel-title" tabIndex={-1}>
        Result
      </h2>
      <div aria-live="polite">
        {!exchange && (
          <p className="empty-state">
            No request sent yet. The response appears here; the shared secret stays masked until you reveal it.
          </p>
        )}
        {exchange && !exchange.outcome.ok && (
          <ErrorView id="derive-error" error={exchange.outcome.error} field={errorField(exchange.outcome.error)} />
        )}
        {exchange?.outcome.ok && (
          // Keyed by the response so a new secret starts masked again.
          <SecretResult
            key={exchange.outcome.value.SharedSecret ?? exchange.outcome.value.CiphertextForRecipient}
            response={exchange.outcome.value}
            revealed={revealed}
            onReveal={setRevealed}
            onClear={clear}
          />
        )}
      </div>
      {exchange && <WireExchange exchange={exchange} revealed={revealed} />}
    </section>
  );
}
