// OpenSSL as the independent reference: key generation, public-key export and ECDH derivation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CURVES, type KeySpec } from '../../src/shared/key-spec';

const openssl = (args: string[], input?: string): Buffer =>
  execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });

export interface OpensslKeyPair {
  dir: string;
  privatePem: string;
  privatePath: string;
  publicPem: string;
  publicPath: string;
  publicDer: Buffer;
}

export function opensslKeyPair(keySpec: KeySpec): OpensslKeyPair {
  const dir = mkdtempSync(path.join(tmpdir(), 'qkms-openssl-'));
  const privatePath = path.join(dir, 'key.pem');
  const publicPath = path.join(dir, 'key.pub.pem');
  openssl([
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    `ec_paramgen_curve:${CURVES[keySpec].opensslName}`,
    '-out',
    privatePath,
  ]);
  openssl(['pkey', '-in', privatePath, '-pubout', '-out', publicPath]);
  const publicDer = openssl(['pkey', '-pubin', '-in', publicPath, '-outform', 'DER']);
  return {
    dir,
    privatePath,
    publicPath,
    privatePem: readFileSync(privatePath, 'utf8'),
    publicPem: readFileSync(publicPath, 'utf8'),
    publicDer,
  };
}

/** `openssl pkeyutl -derive` with our private key file and a peer public key (DER SPKI bytes). */
export function opensslDerive(privatePath: string, peerSpkiDer: Uint8Array): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'qkms-openssl-'));
  const peerPath = path.join(dir, 'peer.der');
  writeFileSync(peerPath, peerSpkiDer);
  return openssl(['pkeyutl', '-derive', '-inkey', privatePath, '-peerkey', peerPath, '-peerform', 'DER']);
}
