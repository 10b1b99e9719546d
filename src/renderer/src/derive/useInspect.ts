// The live "what was recognised" note: asks the core's InspectPublicKey about the decoded bytes, a
// moment after the user stops typing, so the note reflects exactly what DeriveSharedSecret would see.
import { useEffect, useState } from 'react';
import type { WireError } from '../../../shared/errors';
import type { InspectPublicKeyResponse } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

export type Inspection =
  | { status: 'idle' }
  | { status: 'checking'; blob: string }
  | { status: 'ok'; blob: string; value: InspectPublicKeyResponse }
  | { status: 'error'; blob: string; error: WireError };

const DEBOUNCE_MS = 250;

export function useInspect(blob: string | null): Inspection {
  const api = useApi();
  const [inspection, setInspection] = useState<Inspection>({ status: 'idle' });

  useEffect(() => {
    if (!blob) return;
    let current = true;
    const timer = setTimeout(() => {
      void settle(() => api.inspectPublicKey({ PublicKey: blob })).then((result) => {
        // A late answer for text the user has since changed must not overwrite the newer note.
        if (!current) return;
        setInspection(
          result.ok ? { status: 'ok', blob, value: result.value } : { status: 'error', blob, error: result.error },
        );
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, blob]);

  // Derived rather than stored: an answer about other bytes is "checking" for these.
  if (!blob) return { status: 'idle' };
  if (inspection.status === 'idle' || inspection.blob !== blob) return { status: 'checking', blob };
  return inspection;
}
