// The live "what was recognised" note: asks the core's InspectPublicKey about the decoded bytes, a
// moment after the user stops typing, so the note reflects exactly what DeriveSharedSecret would see.
// It asks first without a KeyId, so a key on another curve is still described ("P-384") rather than
// only refused; only when that fails (a raw point can be P-256 or secp256k1) does it ask again with
// the chosen key, whose curve settles the question.
import { useEffect, useState } from 'react';
import type { WireError } from '../../../shared/errors';
import type { InspectPublicKeyResponse } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

export type Inspection =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; value: InspectPublicKeyResponse }
  | { status: 'error'; error: WireError };

/** An answer remembers what it was about, so an answer about older input is never shown as current. */
type Answer = Inspection & { about: string };

const DEBOUNCE_MS = 250;

export function useInspect(blob: string | null, keyId: string | undefined): Inspection {
  const api = useApi();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const about = `${keyId ?? ''}|${blob ?? ''}`;

  useEffect(() => {
    if (!blob) return;
    let current = true;
    const timer = setTimeout(() => {
      void (async () => {
        let result = await settle(() => api.inspectPublicKey({ PublicKey: blob }));
        if (!result.ok && keyId) {
          const withKey = await settle(() => api.inspectPublicKey({ PublicKey: blob, KeyId: keyId }));
          if (withKey.ok) result = withKey;
        }
        // A late answer for input the user has since changed must not overwrite the newer note.
        if (!current) return;
        const what = `${keyId ?? ''}|${blob}`;
        setAnswer(
          result.ok
            ? { status: 'ok', value: result.value, about: what }
            : { status: 'error', error: result.error, about: what },
        );
      })();
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, blob, keyId]);

  if (!blob) return { status: 'idle' };
  if (!answer || answer.about !== about) return { status: 'checking' };
  return answer;
}
