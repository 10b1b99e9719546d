// Copying to the system clipboard. Secrets are copied with a timer that clears the clipboard again
// after 30 seconds, but only if it still holds that secret: if the user has copied something else
// since, we leave their clipboard alone.

export const SECRET_CLIPBOARD_SECONDS = 30;
let pendingClear: ReturnType<typeof setTimeout> | undefined;

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export async function copySecret(secret: string, seconds = SECRET_CLIPBOARD_SECONDS): Promise<void> {
  await navigator.clipboard.writeText(secret);
  clearTimeout(pendingClear);
  pendingClear = setTimeout(() => void clearIfStillHolds(secret), seconds * 1000);
}

async function clearIfStillHolds(secret: string): Promise<void> {
  try {
    // Reading may be refused (no focus, no permission); then we still overwrite, because leaving a
    // secret behind is worse than clearing an unrelated copy.
    const current = await navigator.clipboard.readText().catch(() => secret);
    if (current === secret) await navigator.clipboard.writeText('');
  } catch {
    // The page lost focus and writing is refused; nothing more can be done from the renderer.
  }
}
