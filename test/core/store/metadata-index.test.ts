// The index file: atomic writes, permissions, corrupt-file reporting, and the cross-process lock.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { MetadataIndex, emptyIndex, parseIndex } from '../../../src/core/store/metadata-index';
import { withFileLock } from '../../../src/core/store/index-lock';
import { keyRecord, kid, tempDataDir } from './helpers';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.cleanup());

const K = kid('k');

/** The index as a test tampers with it: any field may be set to anything. */
type Fields = Record<string, unknown>;
interface Doc {
  version: number;
  keys: Record<string, Fields>;
  aliases: Record<string, Fields>;
  pending: Fields[];
}

/** A pid that is surely not running: past the kernel's pid_max. */
const DEAD_PID = 4_194_304 + 17;

describe('MetadataIndex', () => {
  it('reads an empty index before the first write, and round-trips a document', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    expect(await index.read()).toEqual(emptyIndex());
    const doc = { ...emptyIndex(), keys: { [kid('k1')]: keyRecord(kid('k1')) } };
    await index.locked((tx) => tx.write(doc));
    expect(await index.read()).toEqual(doc);
  });

  it('creates the data dir 0700 and the index 0600, and leaves no temp or lock file', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await index.locked((tx) => tx.write(emptyIndex()));
    expect(statSync(data.dir).mode & 0o777).toBe(0o700);
    expect(statSync(index.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(data.dir)).toEqual(['keys.json']);
  });

  it('reports a corrupt index naming the file, and never replaces it', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    mkdirSync(data.dir, { recursive: true });
    for (const [content, why] of [
      ['{"version":1,"keys":{', /not valid JSON/],
      ['[]', /not a JSON object/],
      ['{"version":2,"keys":{},"aliases":{}}', /unsupported version 2/],
      ['{"version":1,"keys":[],"aliases":{}}', /"keys" and "aliases" must be objects/],
      ['{"version":1,"keys":{"a":{"keyId":"b"}},"aliases":{}}', /record of key "a" is malformed/],
      [`{"version":1,"keys":{"${K}":{"keyId":"${K}"}},"aliases":{}}`, /"keySpec" is missing/],
    ] as const) {
      writeFileSync(index.file, content);
      const error = (await index.read().catch((e: unknown) => e)) as QkmsError;
      expect(error).toBeInstanceOf(QkmsError);
      expect(error.code).toBe('KMSInternalException');
      expect(error.message).toContain(index.file);
      expect(error.message).toMatch(why);
      // A write must not paper over it either.
      await expect(index.locked(async (tx) => tx.write(await tx.read()))).rejects.toThrow(/is corrupt/);
      expect(readFileSync(index.file, 'utf8')).toBe(content);
    }
  });

  // Every record is checked in full: a tampered index fails closed, naming the key/alias and the fault.
  describe('a record that is not well-formed makes the whole index corrupt', () => {
    const P = kid('pending-import');
    // A fresh copy each time, as JSON (so the cases may tamper with it freely).
    const valid = (): Doc =>
      JSON.parse(
        JSON.stringify({
          version: 1,
          keys: {
            [K]: keyRecord(K, { tags: [{ TagKey: 'a', TagValue: 'b' }] }),
            [P]: keyRecord(P, { state: 'PendingImport', origin: 'EXTERNAL', publicKeySpki: undefined }),
          },
          aliases: { 'alias/ok': { aliasName: 'alias/ok', targetKeyId: K, creationDate: 1, lastUpdatedDate: 2 } },
          pending: [{ op: 'create', keyId: kid('x'), ownerPid: 0, ownerRun: 'r', startedAt: 1 }],
        }),
      ) as Doc;
    const key = (doc: Doc) => doc.keys[K]!;
    const cases: [string, (doc: Doc) => void, RegExp][] = [
      ['an unknown state', (d) => (key(d).state = 'Bogus'), /key "K" is malformed: "state" is "Bogus", not one of/],
      ['a state in the wrong case', (d) => (key(d).state = 'disabled'), /"state" is "disabled", not one of/],
      ["AWS's Creating state", (d) => (key(d).state = 'Creating'), /"state" is "Creating"/],
      ['no state', (d) => delete key(d).state, /"state" is missing/],
      ['only a keyId', (d) => (d.keys[K] = { keyId: K }), /"keySpec" is missing/],
      ['no keyUsage', (d) => delete key(d).keyUsage, /"keyUsage" is missing, not one of/],
      ['an unknown keySpec', (d) => (key(d).keySpec = 'RSA_2048'), /"keySpec" is "RSA_2048"/],
      ['an unknown keyUsage', (d) => (key(d).keyUsage = 'KEY_AGREEMENT'), /"keyUsage" is "KEY_AGREEMENT"/],
      ['an unknown origin', (d) => (key(d).origin = 'AWS_CLOUDHSM'), /"origin" is "AWS_CLOUDHSM"/],
      [
        'a KeyId that is no UUID',
        (d) => (d.keys.zzz = { ...key(d), keyId: 'zzz' }),
        /key "zzz" is malformed: its KeyId is not a lowercase UUID/,
      ],
      [
        'an upper-case KeyId',
        (d) => (d.keys[K.toUpperCase()] = { ...key(d), keyId: K.toUpperCase() }),
        /its KeyId is not a lowercase UUID/,
      ],
      ['a keyId other than its own', (d) => (key(d).keyId = P), /"keyId" is "P", not its own KeyId/],
      ['a record that is no object', (d) => (d.keys[K] = 'x' as never), /key "K" is malformed: not an object/],
      ['a description that is no string', (d) => (key(d).description = 5), /"description" is 5, not a string/],
      [
        'a creationDate that is no number',
        (d) => (key(d).creationDate = '2024'),
        /"creationDate" is "2024", not a number/,
      ],
      [
        'a creationDate that is not finite',
        (d) => (key(d).creationDate = null),
        /"creationDate" is null, not a number/,
      ],
      [
        'PendingDeletion without its date',
        (d) => Object.assign(key(d), { state: 'PendingDeletion', pendingWindowInDays: 7 }),
        /"deletionDate" is missing, not a number \(state PendingDeletion\)/,
      ],
      [
        'PendingDeletion without its window',
        (d) => Object.assign(key(d), { state: 'PendingDeletion', deletionDate: 5 }),
        /"pendingWindowInDays" is missing, not an integer from 7 to 30/,
      ],
      [
        'a deletionDate while Enabled',
        (d) => (key(d).deletionDate = 5),
        /"deletionDate" is set, but the state is Enabled/,
      ],
      [
        'an Enabled key without its public key',
        (d) => delete key(d).publicKeySpki,
        /"publicKeySpki" is missing, but the state is Enabled/,
      ],
      [
        'a public key that is no base64',
        (d) => (key(d).publicKeySpki = 'not base64!'),
        /"publicKeySpki" is not a base64 string/,
      ],
      [
        'a PendingImport key with a public key',
        (d) => (d.keys[P]!.publicKeySpki = 'MFkw'),
        /key "P" is malformed: "publicKeySpki" is set, but the state is PendingImport/,
      ],
      [
        'an AWS_KMS key pending import',
        (d) => (d.keys[P]!.origin = 'AWS_KMS'),
        /an AWS_KMS key always has key material/,
      ],
      ['tags that are no array', (d) => (key(d).tags = {}), /"tags" is \{\}, not an array/],
      [
        'a tag without a value',
        (d) => (key(d).tags = [{ TagKey: 'a' }]),
        /tag 0 is not \{"TagKey": string, "TagValue": string\}/,
      ],
      [
        'an alias named badly',
        (d) => (d.aliases['alias/a b'] = { ...d.aliases['alias/ok'], aliasName: 'alias/a b' }),
        /alias "alias\/a b" is malformed: its name does not match/,
      ],
      [
        'an alias without alias/',
        (d) => (d.aliases.ok = { ...d.aliases['alias/ok'], aliasName: 'ok' }),
        /alias "ok" is malformed/,
      ],
      [
        'an alias under another name',
        (d) => (d.aliases['alias/ok']!.aliasName = 'alias/other'),
        /"aliasName" is "alias\/other", not its own name/,
      ],
      [
        'an alias of no listed key',
        (d) => (d.aliases['alias/ok']!.targetKeyId = kid('gone')),
        /"targetKeyId" "[0-9a-f-]+" is not a listed key/,
      ],
      [
        'an alias without dates',
        (d) => delete d.aliases['alias/ok']!.lastUpdatedDate,
        /"lastUpdatedDate" is missing, not a number/,
      ],
      [
        'a journal entry of an unknown op',
        (d) => (d.pending[0]!.op = 'rename'),
        /journal entry 0 of "pending" is malformed: "op" is "rename"/,
      ],
      [
        'a journal entry without a pid',
        (d) => delete d.pending[0]!.ownerPid,
        /"ownerPid" is missing, not a process id/,
      ],
      [
        'a journal entry of no KeyId',
        (d) => (d.pending[0]!.keyId = '../x'),
        /"keyId" is "..\/x", not a lowercase UUID/,
      ],
      [
        'a journal entry that is no object',
        (d) => (d.pending[0] = 7 as never),
        /journal entry 0 of "pending" is malformed: not an object/,
      ],
    ];

    it('the well-formed document parses', () => {
      expect(parseIndex(JSON.stringify(valid()), 'f')).toEqual(valid());
    });

    it.each(cases)('%s', (_, tamper, why) => {
      const doc = valid();
      tamper(doc);
      const error = (() => {
        try {
          parseIndex(JSON.stringify(doc), '/data/keys.json');
        } catch (e) {
          return e as QkmsError;
        }
      })();
      expect(error).toBeInstanceOf(QkmsError);
      expect(error?.code).toBe('KMSInternalException');
      const message = (error?.message ?? '').replaceAll(K, 'K').replaceAll(P, 'P');
      expect(message).toMatch(/^the key index \/data\/keys\.json is corrupt \(/);
      expect(message).toMatch(why);
      expect(message).toMatch(/restore it from a backup or move it aside/);
    });

    it('a document that would not parse is never written', async () => {
      const index = new MetadataIndex({ dataDir: data.dir });
      await index.locked((tx) => tx.write(valid() as never));
      const before = readFileSync(index.file, 'utf8');
      const doc = valid();
      key(doc).state = 'Bogus';
      await expect(index.locked((tx) => tx.write(doc as never))).rejects.toThrow(
        new RegExp(`refusing to write the key index .*"state" is "Bogus"`),
      );
      expect(readFileSync(index.file, 'utf8')).toBe(before);
    });
  });

  it('reports an unreadable index naming the file', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await index.locked((tx) => tx.write(emptyIndex()));
    const { chmodSync, mkdirSync, rmSync } = await import('node:fs');
    if (process.getuid?.() !== 0) {
      chmodSync(index.file, 0);
      await expect(index.read()).rejects.toThrow(
        `the key index ${index.file} cannot be read (EACCES: permission denied): check the permissions`,
      );
      chmodSync(index.file, 0o600);
    }
    // Root reads any file whatever its mode; a directory in the index's place is unreadable for everyone.
    rmSync(index.file);
    mkdirSync(index.file);
    await expect(index.read()).rejects.toThrow(`the key index ${index.file} cannot be read (EISDIR)`);
    rmSync(index.file, { recursive: true });
  });

  it('sweeps temp files left by a writer killed mid-write', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    mkdirSync(data.dir, { recursive: true });
    writeFileSync(`${index.file}.${DEAD_PID}.abcdef.tmp`, '{"half');
    await index.locked((tx) => tx.write(emptyIndex()));
    expect(readdirSync(data.dir)).toEqual(['keys.json']);
  });
});

describe('index lock', () => {
  it('takes over a lock whose owner process is dead', async () => {
    mkdirSync(data.dir, { recursive: true });
    const lock = path.join(data.dir, 'keys.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: DEAD_PID, run: 'x', nonce: 'dead', acquiredAt: Date.now() }));
    const started = Date.now();
    expect(await withFileLock(lock, 2_000, async () => 'got it')).toBe('got it');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits a bounded time for a live owner, then reports DependencyTimeoutException', async () => {
    mkdirSync(data.dir, { recursive: true });
    const lock = path.join(data.dir, 'keys.json.lock');
    const owner = { pid: process.ppid, run: 'parent', nonce: 'live', acquiredAt: Date.now() };
    writeFileSync(lock, JSON.stringify(owner));
    const error = (await withFileLock(lock, 300, async () => 'no').catch((e: unknown) => e)) as QkmsError;
    expect(error.code).toBe('DependencyTimeoutException');
    expect(error.message).toContain(`waiting for the index lock ${lock} (held by pid ${process.ppid}`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(owner); // a live owner's lock is left alone
  });

  it('serialises writers within one process without losing updates', async () => {
    const index = new MetadataIndex({ dataDir: data.dir });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        index.locked(async (tx) => {
          const doc = await tx.read();
          doc.keys[kid(`k${i}`)] = keyRecord(kid(`k${i}`));
          await tx.write(doc);
        }),
      ),
    );
    expect(Object.keys((await index.read()).keys)).toHaveLength(30);
  });
});
