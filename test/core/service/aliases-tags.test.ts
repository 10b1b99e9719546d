// Aliases and tags through the real service: naming rules, conflicts, key resolution everywhere.
import { afterAll, describe, expect, it } from 'vitest';
import { createTempService } from '../../support/temp-service';

const t = createTempService('aliases');
afterAll(() => t.cleanup());

const newKey = async (KeySpec = 'ECC_NIST_P256', KeyUsage = 'DERIVE_SHARED_SECRET') =>
  (await t.ok('CreateKey', { KeySpec, KeyUsage })).KeyMetadata;

describe('aliases', () => {
  it('creates, resolves, moves, lists and deletes an alias', async () => {
    const first = await newKey();
    const second = await newKey();
    await t.ok('CreateAlias', { AliasName: 'alias/demo', TargetKeyId: first.KeyId });
    expect((await t.ok('DescribeKey', { KeyId: 'alias/demo' })).KeyMetadata.KeyId).toBe(first.KeyId);
    expect((await t.ok('DescribeKey', { KeyId: 'arn:verenc:123456789012:alias/demo' })).KeyMetadata.KeyId).toBe(
      first.KeyId,
    );
    expect((await t.fails('CreateAlias', { AliasName: 'alias/demo', TargetKeyId: second.KeyId })).__type).toBe(
      'AlreadyExistsException',
    );
    await t.ok('UpdateAlias', { AliasName: 'alias/demo', TargetKeyId: second.Arn });
    const listed = await t.ok('ListAliases', { KeyId: second.KeyId });
    expect(listed.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/demo',
        TargetKeyId: second.KeyId,
        AliasArn: 'arn:verenc:123456789012:alias/demo',
      }),
    ]);
    const details = await t.ok('ListKeyDetails', {});
    expect(details.Keys.find((k) => k.KeyId === second.KeyId)?.AliasNames).toEqual(['alias/demo']);
    await t.ok('DeleteAlias', { AliasName: 'alias/demo' });
    expect((await t.fails('DeleteAlias', { AliasName: 'alias/demo' })).__type).toBe('NotFoundException');
  });

  it.each(['demo', 'alias/', 'alias/has space', 'alias/aws/reserved'])(
    'refuses the alias name %j',
    async (AliasName) => {
      const key = await newKey();
      const error = await t.fails('CreateAlias', { AliasName, TargetKeyId: key.KeyId });
      expect(error.__type).toBe('InvalidAliasNameException');
      expect(error.message).toContain(AliasName);
    },
  );

  it('refuses to point an alias at an alias, at a key pending deletion, or across key types', async () => {
    const key = await newKey();
    await t.ok('CreateAlias', { AliasName: 'alias/one', TargetKeyId: key.KeyId });
    expect((await t.fails('CreateAlias', { AliasName: 'alias/two', TargetKeyId: 'alias/one' })).__type).toBe(
      'ValidationException',
    );
    const signing = await newKey('ECC_NIST_P256', 'SIGN_VERIFY');
    const moved = await t.fails('UpdateAlias', { AliasName: 'alias/one', TargetKeyId: signing.KeyId });
    expect(moved.__type).toBe('ValidationException');
    expect(moved.message).toContain('SIGN_VERIFY');
    const doomed = await newKey();
    await t.ok('ScheduleKeyDeletion', { KeyId: doomed.KeyId, PendingWindowInDays: 7 });
    expect((await t.fails('CreateAlias', { AliasName: 'alias/late', TargetKeyId: doomed.KeyId })).__type).toBe(
      'KMSInvalidStateException',
    );
    expect((await t.fails('UpdateAlias', { AliasName: 'alias/missing', TargetKeyId: key.KeyId })).__type).toBe(
      'NotFoundException',
    );
  });
});

describe('tags', () => {
  it('tags, overwrites, untags and pages', async () => {
    const key = await newKey();
    await t.ok('TagResource', {
      KeyId: key.KeyId,
      Tags: [
        { TagKey: 'team', TagValue: 'red' },
        { TagKey: 'env', TagValue: 'lab' },
      ],
    });
    await t.ok('TagResource', {
      KeyId: 'arn:verenc:123456789012:key/' + key.KeyId,
      Tags: [{ TagKey: 'team', TagValue: 'blue' }],
    });
    const first = await t.ok('ListResourceTags', { KeyId: key.KeyId, Limit: 1 });
    expect(first).toMatchObject({ Tags: [{ TagKey: 'env', TagValue: 'lab' }], Truncated: true });
    const second = await t.ok('ListResourceTags', { KeyId: key.KeyId, Marker: first.NextMarker });
    expect(second).toMatchObject({ Tags: [{ TagKey: 'team', TagValue: 'blue' }], Truncated: false });
    await t.ok('UntagResource', { KeyId: key.KeyId, TagKeys: ['team'] });
    expect((await t.ok('ListResourceTags', { KeyId: key.KeyId })).Tags).toEqual([{ TagKey: 'env', TagValue: 'lab' }]);
  });

  it('refuses duplicate, reserved and too many tags', async () => {
    const key = await newKey();
    const duplicate = await t.fails('TagResource', {
      KeyId: key.KeyId,
      Tags: [
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'a', TagValue: '2' },
      ],
    });
    expect(duplicate).toMatchObject({ __type: 'TagException' });
    const many = Array.from({ length: 50 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' }));
    await t.ok('TagResource', { KeyId: key.KeyId, Tags: many });
    const tooMany = await t.fails('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'one-more', TagValue: 'v' }] });
    expect(tooMany.__type).toBe('TagException');
    expect(tooMany.message).toContain('at most 50');
  });
});

describe('names in any case', () => {
  it('reserves alias/aws/ in any case, and finds a key by its id in upper case', async () => {
    const key = await newKey();
    expect((await t.fails('CreateAlias', { AliasName: 'alias/AWS/x', TargetKeyId: key.KeyId })).__type).toBe(
      'InvalidAliasNameException',
    );
    expect((await t.ok('DescribeKey', { KeyId: key.KeyId.toUpperCase() })).KeyMetadata.KeyId).toBe(key.KeyId);
  });
});
