// Who may call the IPC channels: the app's own page in the app's own window, main frame only. A null
// senderFrame (the frame navigated or was destroyed before the message was handled) is refused.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { ContentPolicy } from '../content-policy';

/** The parts of an IPC event the check reads (a structural subset, so tests can build one). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Why the sender is refused, or undefined when it is trusted. */
export type SenderCheck = (event: SenderEvent) => string | undefined;

export function createSenderCheck(
  policy: ContentPolicy,
  isAppWebContents: (contents: WebContents) => boolean,
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame no longer exists';
    if (frame.parent !== null) return 'the sender is a subframe';
    if (!isAppWebContents(event.sender)) return 'the sender is not the app window';
    if (!policy.isOwnContent(frame.url)) return `the sender is not the app's page (${frame.url.slice(0, 100)})`;
    return undefined;
  };
}
