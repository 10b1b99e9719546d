// The desktop dialogs, faked: a test queues the path the "user" will choose (or a cancel), and can
// see which dialogs were opened. The real handlers then read and write those files themselves.
import type { DesktopDialogs, OpenFileRequest, SaveFileRequest } from '../../../src/main/ipc/dialogs';

export class FakeDialogs implements DesktopDialogs {
  readonly opened: OpenFileRequest[] = [];
  readonly saved: SaveFileRequest[] = [];
  private readonly openChoices: (string | undefined)[] = [];
  private readonly saveChoices: (string | undefined)[] = [];

  /** The next open dialog returns this path; `undefined` means the user cancels. */
  willOpen(filePath: string | undefined): void {
    this.openChoices.push(filePath);
  }

  willSave(filePath: string | undefined): void {
    this.saveChoices.push(filePath);
  }

  async chooseFileToOpen(request: OpenFileRequest): Promise<string | undefined> {
    this.opened.push(request);
    if (this.openChoices.length === 0)
      throw new Error(`e2e: an open dialog (${request.purpose}) appeared that the test did not expect`);
    return this.openChoices.shift();
  }

  async chooseFileToSave(request: SaveFileRequest): Promise<string | undefined> {
    this.saved.push(request);
    if (this.saveChoices.length === 0)
      throw new Error(`e2e: a save dialog (${request.purpose}) appeared that the test did not expect`);
    return this.saveChoices.shift();
  }
}
