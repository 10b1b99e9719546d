// The clipboard actions over a fake clipboard and fake timers: a copied secret is cleared after the delay
// only if the clipboard still holds it, a newer copy replaces the pending clear, the delay is bounded,
// and quitting runs the pending clear at once. Through createIpcHandlers, as the registrar calls them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardActions } from '../../src/main/ipc/clipboard';
import { createIpcHandlers } from '../../src/main/ipc/handlers';
import { channelOf } from '../../src/shared/ipc-contract';
import { fakeClipboard, fakeDialogs, idleEndpoint } from './helpers';

const SECRET = 'q1w2e3r4t5y6u7i8o9p0AbCdEfGhIjKlMnOpQrStUvW=';
const NOW = Date.UTC(2025, 0, 1);

function setUp(initial = '') {
  const clipboard = fakeClipboard(initial);
  const actions = createClipboardActions(clipboard);
  const handlers = createIpcHandlers({ call: vi.fn() }, fakeDialogs(), actions, idleEndpoint());
  const copySecret = (payload: unknown) => handlers[channelOf('copySecret')]!(payload);
  const copyText = (payload: unknown) => handlers[channelOf('copyText')]!(payload);
  return { clipboard, actions, copySecret, copyText };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('copySecret', () => {
  it('writes the secret and clears it after 30 s when the clipboard still holds it', async () => {
    const { clipboard, copySecret } = setUp('what the user had');
    expect(await copySecret({ Text: SECRET })).toEqual({ ok: true, value: { Copied: true, ClearsAt: NOW + 30_000 } });
    expect(clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(clipboard.text).toBe(SECRET);
    expect(clipboard.clear).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.clear).toHaveBeenCalledTimes(1);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not clear when the user copied something else in between', async () => {
    const { clipboard, copySecret } = setUp();
    await copySecret({ Text: SECRET });
    clipboard.writeText('a URL the user copied'); // another app, or the user's Ctrl+C
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('a URL the user copied');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('does not clear after a copyText of other text, which leaves the pending clear to find it changed', async () => {
    const { clipboard, copySecret, copyText } = setUp();
    await copySecret({ Text: SECRET });
    expect(await copyText({ Text: 'alias/partner' })).toEqual({ ok: true, value: { Copied: true } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('alias/partner');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('a newer copy replaces the pending clear: one timer, due from the newer copy', async () => {
    const { clipboard, copySecret } = setUp();
    await copySecret({ Text: 'first secret' });
    await vi.advanceTimersByTimeAsync(20_000);
    const second = await copySecret({ Text: SECRET, ClearAfterSeconds: 30 });
    expect(second).toEqual({ ok: true, value: { Copied: true, ClearsAt: NOW + 50_000 } });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000); // the first copy's clear would have been due now
    expect(clipboard.text).toBe(SECRET);
    expect(clipboard.clear).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe('');
    expect(clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('copying the same secret again restarts its delay', async () => {
    const { clipboard, copySecret } = setUp();
    await copySecret({ Text: SECRET });
    await vi.advanceTimersByTimeAsync(25_000);
    await copySecret({ Text: SECRET });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('');
  });

  it('takes ClearAfterSeconds from 5 to 300 and refuses anything else, without touching the clipboard', async () => {
    const { clipboard, copySecret } = setUp('untouched');
    for (const seconds of [4, 301, 0, -30, 7.5, Number.NaN, '30', null]) {
      const result = await copySecret({ Text: SECRET, ClearAfterSeconds: seconds });
      expect(result, String(seconds)).toMatchObject({
        ok: false,
        error: { __type: 'ValidationException', message: expect.stringMatching(/ClearAfterSeconds/) },
      });
    }
    expect(clipboard.writeText).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);

    expect(await copySecret({ Text: SECRET, ClearAfterSeconds: 5 })).toMatchObject({
      ok: true,
      value: { ClearsAt: NOW + 5_000 },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('');
    expect(await copySecret({ Text: SECRET, ClearAfterSeconds: 300 })).toMatchObject({
      ok: true,
      value: { ClearsAt: NOW + 5_000 + 300_000 },
    });
    await vi.advanceTimersByTimeAsync(299_999);
    expect(clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
  });

  it('refuses a request that is not { Text, ClearAfterSeconds? }, and never quotes the text back', async () => {
    const { clipboard, copySecret } = setUp();
    const cases: [unknown, RegExp][] = [
      [undefined, /must be a JSON object/],
      ['text', /must be a JSON object/],
      [[SECRET], /must be a JSON object/],
      [{}, /Text is required/],
      [{ Text: '' }, /must not be empty/],
      [{ Text: 42 }, /Text must be a string/],
      [{ Text: 'x'.repeat(64 * 1024 + 1) }, /at most 65536/],
      [{ Text: SECRET, Bogus: 1 }, /unknown parameter 'Bogus'/],
    ];
    for (const [payload, message] of cases) {
      const result = await copySecret(payload);
      expect(result).toMatchObject({ ok: false, error: { __type: 'ValidationException', message } });
      expect(JSON.stringify(result)).not.toContain(SECRET);
    }
    expect(clipboard.writeText).not.toHaveBeenCalled();
  });
});

describe('a clipboard that fails', () => {
  it('says the clipboard is not available, and a failing clear is only warned about', async () => {
    const broken = {
      readText: vi.fn(() => Promise.reject(new Error('no X11'))),
      writeText: vi.fn(() => Promise.reject(new Error('no X11'))),
      clear: vi.fn(),
    };
    const actions = createClipboardActions(broken);
    const unavailable = {
      ok: false,
      error: { __type: 'KMSInternalException', message: 'The system clipboard is not available.' },
    };
    expect(await actions.copySecret({ Text: SECRET })).toEqual(unavailable);
    expect(await actions.copyText({ Text: 'x' })).toEqual(unavailable);
    expect(actions.hasPendingClear()).toBe(false);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reads = fakeClipboard();
    const flaky = createClipboardActions({ ...reads, readText: () => Promise.reject(new Error('gone')) });
    await flaky.copySecret({ Text: SECRET });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(warn).toHaveBeenCalledWith('[qkms] could not clear the clipboard');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(SECRET);
    expect(reads.clear).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('flush (the app quitting)', () => {
  it('runs the pending clear at once, and only once', async () => {
    const { clipboard, actions, copySecret } = setUp();
    await copySecret({ Text: SECRET });
    expect(actions.hasPendingClear()).toBe(true);
    await actions.flush();
    expect(actions.hasPendingClear()).toBe(false);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
    clipboard.writeText('copied after');
    await actions.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('copied after');
    expect(clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('leaves a clipboard the user has changed since', async () => {
    const { clipboard, actions, copySecret } = setUp();
    await copySecret({ Text: SECRET });
    clipboard.writeText('the user’s own text');
    await actions.flush();
    expect(clipboard.text).toBe('the user’s own text');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('does nothing when no clear is pending', async () => {
    const { clipboard, actions } = setUp('anything');
    await actions.flush();
    expect(clipboard.readText).not.toHaveBeenCalled();
    expect(clipboard.text).toBe('anything');
  });
});

describe('copyText', () => {
  it('writes the text and schedules nothing', async () => {
    const { clipboard, copyText } = setUp();
    expect(await copyText({ Text: '-----BEGIN PUBLIC KEY-----' })).toEqual({ ok: true, value: { Copied: true } });
    expect(clipboard.text).toBe('-----BEGIN PUBLIC KEY-----');
    expect(vi.getTimerCount()).toBe(0);
    expect(await copyText({ Text: 'x', ClearAfterSeconds: 30 })).toMatchObject({
      ok: false,
      error: { __type: 'ValidationException' },
    });
  });
});
