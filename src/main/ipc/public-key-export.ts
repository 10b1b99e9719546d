// The public-key file formats the save dialog offers: DER (the SPKI bytes), PEM, and JWK — rendered by
// the same shared helpers the key-details view and the CLI use, so all three agree byte for byte.
import { QkmsError } from '../../shared/errors';
import type { PublicKeyFileFormat } from '../../shared/ipc-contract';
import type { KeySpec } from '../../shared/key-spec';
import { ecSpkiToJwk, spkiToPem } from '../../shared/public-key-formats';
import type { FileFilter } from './dialogs';

export interface PublicKeyFile {
  contents: Uint8Array | string;
  extension: string;
  filter: FileFilter;
}

export function formatPublicKey(spkiBase64: string, keySpec: KeySpec, format: PublicKeyFileFormat): PublicKeyFile {
  const spki = new Uint8Array(Buffer.from(spkiBase64, 'base64'));
  switch (format) {
    case 'DER':
      return { contents: spki, extension: 'der', filter: { name: 'DER public key (SPKI)', extensions: ['der'] } };
    case 'PEM':
      return { contents: spkiToPem(spki), extension: 'pem', filter: { name: 'PEM public key', extensions: ['pem'] } };
    case 'JWK': {
      let jwk;
      try {
        jwk = ecSpkiToJwk(spki, keySpec);
      } catch {
        throw new QkmsError(
          'KMSInternalException',
          `The stored public key is not a canonical ${keySpec} SubjectPublicKeyInfo.`,
        );
      }
      return {
        contents: `${JSON.stringify(jwk, null, 2)}\n`,
        extension: 'jwk',
        filter: { name: 'JSON Web Key', extensions: ['jwk', 'json'] },
      };
    }
  }
}
