// What a well-formed index is. Every record is checked in full when the index is read (and before it is
// written), so a tampered or corrupt index fails closed: a record with an unknown state, a missing field
// or a made-up KeyId is never listed, derived with or silently repaired. Returns what is wrong, naming
// the key, alias or journal entry, or null when the document is well-formed.
import { KEY_SPECS, KEY_STATES, KEY_USAGES } from '../../shared/key-spec';

/** KeyIds are lowercase UUIDs (randomUUID()); nothing else is ever listed. */
export const KEY_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ALIAS_NAME_PATTERN = /^alias\/[a-zA-Z0-9/_-]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ORIGINS = ['AWS_KMS', 'EXTERNAL'] as const;
const JOURNAL_OPS = ['create', 'attach', 'delete'] as const;

type Fields = Record<string, unknown>;

/** Why `doc` is not a well-formed index, or null. */
export function indexProblem(doc: unknown): string | null {
  if (!isObject(doc)) return 'not a JSON object';
  if (doc.version !== 1) return `unsupported version ${JSON.stringify(doc.version)}`;
  if (!isObject(doc.keys) || !isObject(doc.aliases)) return '"keys" and "aliases" must be objects';
  if (doc.pending !== undefined && !Array.isArray(doc.pending)) return '"pending" must be an array';
  for (const [id, record] of Object.entries(doc.keys)) {
    const why = keyProblem(id, record);
    if (why) return `the record of key ${JSON.stringify(id)} is malformed: ${why}`;
  }
  for (const [name, alias] of Object.entries(doc.aliases)) {
    const why = aliasProblem(name, alias, doc.keys);
    if (why) return `the record of alias ${JSON.stringify(name)} is malformed: ${why}`;
  }
  for (const [i, entry] of ((doc.pending as unknown[] | undefined) ?? []).entries()) {
    const why = journalProblem(entry);
    if (why) return `journal entry ${i} of "pending" is malformed: ${why}`;
  }
  return null;
}

function keyProblem(id: string, record: unknown): string | null {
  if (!isObject(record)) return 'not an object';
  if (!KEY_ID_PATTERN.test(id)) return 'its KeyId is not a lowercase UUID';
  if (record.keyId !== id) return `"keyId" is ${show(record.keyId)}, not its own KeyId`;
  const state = record.state;
  const why =
    oneOf(record, 'keySpec', KEY_SPECS) ??
    oneOf(record, 'keyUsage', KEY_USAGES) ??
    oneOf(record, 'origin', ORIGINS) ??
    oneOf(record, 'state', KEY_STATES) ??
    (typeof record.description === 'string' ? null : `"description" is ${show(record.description)}, not a string`) ??
    epochMs(record, 'creationDate') ??
    tagsProblem(record.tags);
  if (why) return why;

  if (state === 'PendingDeletion') {
    const days = record.pendingWindowInDays;
    const daysOk = typeof days === 'number' && Number.isInteger(days) && days >= 7 && days <= 30;
    if (!daysOk) return `"pendingWindowInDays" is ${show(days)}, not an integer from 7 to 30 (state PendingDeletion)`;
    const date = epochMs(record, 'deletionDate');
    if (date) return `${date} (state PendingDeletion)`;
  } else {
    for (const field of ['deletionDate', 'pendingWindowInDays']) {
      if (record[field] !== undefined)
        return `"${field}" is set, but the state is ${String(state)}, not PendingDeletion`;
    }
  }

  // Key material: listed usable keys have it; a PendingImport key has none; a PendingDeletion key may
  // be either (an EXTERNAL key whose import never happened can be scheduled for deletion).
  const spki = record.publicKeySpki;
  if (spki === undefined) {
    if (state === 'Enabled' || state === 'Disabled') return `"publicKeySpki" is missing, but the state is ${state}`;
    if (record.origin !== 'EXTERNAL') return '"publicKeySpki" is missing, but an AWS_KMS key always has key material';
  } else {
    if (state === 'PendingImport') return '"publicKeySpki" is set, but the state is PendingImport (no key material)';
    if (typeof spki !== 'string' || spki.length === 0 || !BASE64.test(spki)) {
      return '"publicKeySpki" is not a base64 string';
    }
  }
  return null;
}

function aliasProblem(name: string, alias: unknown, keys: Fields): string | null {
  if (!isObject(alias)) return 'not an object';
  if (!ALIAS_NAME_PATTERN.test(name)) return 'its name does not match alias/[a-zA-Z0-9/_-]+';
  if (alias.aliasName !== name) return `"aliasName" is ${show(alias.aliasName)}, not its own name`;
  if (typeof alias.targetKeyId !== 'string' || !Object.hasOwn(keys, alias.targetKeyId)) {
    return `"targetKeyId" ${show(alias.targetKeyId)} is not a listed key`;
  }
  return epochMs(alias, 'creationDate') ?? epochMs(alias, 'lastUpdatedDate');
}

function journalProblem(entry: unknown): string | null {
  if (!isObject(entry)) return 'not an object';
  const pid = entry.ownerPid;
  return (
    oneOf(entry, 'op', JOURNAL_OPS) ??
    (typeof entry.keyId === 'string' && KEY_ID_PATTERN.test(entry.keyId)
      ? null
      : `"keyId" is ${show(entry.keyId)}, not a lowercase UUID`) ??
    (typeof pid === 'number' && Number.isSafeInteger(pid) && pid >= 0
      ? null
      : `"ownerPid" is ${show(pid)}, not a process id`) ??
    (typeof entry.ownerRun === 'string' ? null : `"ownerRun" is ${show(entry.ownerRun)}, not a string`) ??
    epochMs(entry, 'startedAt')
  );
}

function tagsProblem(tags: unknown): string | null {
  if (!Array.isArray(tags)) return `"tags" is ${show(tags)}, not an array`;
  for (const [i, tag] of tags.entries()) {
    if (!isObject(tag) || typeof tag.TagKey !== 'string' || typeof tag.TagValue !== 'string') {
      return `tag ${i} is not {"TagKey": string, "TagValue": string}`;
    }
  }
  return null;
}

function oneOf(record: Fields, field: string, allowed: readonly string[]): string | null {
  const value = record[field];
  if (typeof value === 'string' && allowed.includes(value)) return null;
  return `"${field}" is ${show(value)}, not one of ${allowed.join(', ')}`;
}

function epochMs(record: Fields, field: string): string | null {
  const value = record[field];
  return typeof value === 'number' && Number.isFinite(value) ? null : `"${field}" is ${show(value)}, not a number`;
}

/** A value for a message: bounded, and "missing" for an absent field. */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
