// Test-only keychain housekeeping. Enumerating (findCredentials) is fine here: the product never does
// it (≈5 ms per item, and it crashes keytar on a locked keyring), but tests need to see every item.
import keytar from '@github/keytar';

export async function listAccounts(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.account);
}

export async function deleteAllItems(service: string): Promise<void> {
  for (const account of await listAccounts(service)) await keytar.deletePassword(service, account);
}
