// A last line of defence: no IPC result may carry private-key material. The core never returns it; this
// refuses a result that has a private-key-shaped field or contains a known secret string.
//
// What it guards is key material: private keys (and plaintext that could be one). The loopback endpoint's
// status deliberately carries `SecretAccessKey`: an API credential that signs SigV4 requests, which the
// user must read and copy into their SDK or CLI configuration; it derives, decrypts or unwraps nothing,
// and the user can replace it (QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY). So it is not a private field
// here, and must never be added to the list below; a private key beside it is still refused.

const PRIVATE_FIELDS = new Set(['privatekey', 'privatekeyplaintext', 'd', 'plaintext', 'scalar']);

function hasPrivateField(value: unknown, depth = 0): boolean {
  if (depth > 16 || value === null || typeof value !== 'object') return false;
  for (const [key, child] of Object.entries(value)) {
    if (PRIVATE_FIELDS.has(key.toLowerCase()) || hasPrivateField(child, depth + 1)) return true;
  }
  return false;
}

/** True when `result` is safe to send: no private-key field, and none of `secrets` appears in it. */
export function isFreeOfSecrets(result: unknown, secrets: readonly string[] = []): boolean {
  if (hasPrivateField(result)) return false;
  if (secrets.length === 0) return true;
  const text = JSON.stringify(result) ?? '';
  return secrets.every((secret) => secret.length < 16 || !text.includes(secret));
}
