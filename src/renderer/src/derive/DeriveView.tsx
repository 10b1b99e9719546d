// The Derive shared secret view: the form (mirroring the spec's request parameters) beside the
// results panel, which shows the last exchange: the secret or the error, and the wire exchange.
import { useState } from 'react';
import { ResultsPanel } from '../results/ResultsPanel';
import { DeriveForm } from './DeriveForm';
import type { Exchange } from './exchange';

export function DeriveView() {
  const [exchange, setExchange] = useState<Exchange | null>(null);
  return (
    <div className="derive-view">
      <section className="panel derive-form-panel" aria-labelledby="derive-heading">
        <h2 id="derive-heading" className="panel-title">
          DeriveSharedSecret
        </h2>
        <p className="panel-lede">
          Combines the private key of a KMS key with the other party&apos;s public key (ECDH). The secret is not stored:
          use it or copy it, then clear it.
        </p>
        <DeriveForm exchange={exchange} onExchange={setExchange} />
      </section>
      <ResultsPanel exchange={exchange} onClear={() => setExchange(null)} />
    </div>
  );
}
