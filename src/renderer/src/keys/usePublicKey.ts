// The key's public key (GetPublicKey) in the three forms people exchange: base64 DER (the wire blob),
// PEM (OpenSSL) and JWK (WebCrypto, JOSE), with its SHA-256 fingerprint computed here with
// crypto.subtle, so the fingerprint does not depend on trusting the main process for it.
import { useEffect, useState } from 'react';
import type { KeySpec } from '../../../shared/key-spec';
import type { WireError } from '../../../shared/errors';
import { ecSpkiToJwk, spkiToPem } from '../../../shared/public-key-formats';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { base64ToBytes } from '../lib/bytes';
import { spkiFingerprint } from '../lib/fingerprint';

export interface PublicKeyForms {
  DER: string;
  PEM: string;
  JWK: string;
  fingerprint: string;
}

export type PublicKeyState =
  { status: 'loading' } | { status: 'ok'; forms: PublicKeyForms } | { status: 'error'; error: WireError };

async function formsOf(spki: string, keySpec: KeySpec): Promise<PublicKeyForms> {
  const der = base64ToBytes(spki);
  return {
    DER: spki,
    PEM: spkiToPem(der),
    JWK: JSON.stringify(ecSpkiToJwk(der, keySpec), null, 2),
    fingerprint: await spkiFingerprint(spki),
  };
}

export function usePublicKey(keyId: string, enabled: boolean): PublicKeyState {
  const api = useApi();
  const [state, setState] = useState<PublicKeyState>({ status: 'loading' });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void (async () => {
      const result = await settle(() => api.getPublicKey({ KeyId: keyId }));
      if (!current) return;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      try {
        const forms = await formsOf(result.value.PublicKey, result.value.KeySpec);
        if (current) setState({ status: 'ok', forms });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (current)
          setState({
            status: 'error',
            error: { __type: 'KMSInternalException', message: `The public key could not be shown: ${message}` },
          });
      }
    })();
    return () => {
      current = false;
    };
  }, [api, keyId, enabled]);

  return state;
}
