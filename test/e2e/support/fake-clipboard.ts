// The system clipboard and the clearing timer of the clipboard actions, faked for the browser e2e: the
// page has no clipboard permission in the app, so the main-process handlers own the clipboard, and here
// they write to this in-memory one. Time moves only when a test says so.
import type { ClearTimer, ClipboardPort } from '../../../src/main/ipc/clipboard';

export class FakeClipboard implements ClipboardPort {
  text = '';
  clears = 0;

  readText(): string {
    return this.text;
  }

  writeText(text: string): void {
    this.text = text;
  }

  clear(): void {
    this.clears += 1;
    this.text = '';
  }

  /** Something the user copied in another app. */
  userCopies(text: string): void {
    this.text = text;
  }
}

/** A clock that moves only through runFor, firing each timer that falls due on the way, in order. */
export class ManualTimer implements ClearTimer {
  private time = Date.UTC(2025, 0, 1);
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock on by `ms`, firing due timers; then lets the clipboard work they queued finish. */
  async runFor(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = end;
  }
}
