import { describe, expect, it } from 'vitest';
import { parseCatFileBatch } from '../src/parse-cat-file-batch.ts';
import { canonicalConfigKey, configValue } from '../src/parse-config-list.ts';
import { parseNameStatus } from '../src/parse-name-status.ts';

describe('parseNameStatus', () => {
  it('reads renames as R with oldPath and copies as added files', () => {
    const output = 'R087\0old.ts\0new.ts\0C100\0src.ts\0copy.ts\0T\0link\0M\0a b.ts\0';
    expect(parseNameStatus(output)).toEqual([
      { status: 'R', path: 'new.ts', oldPath: 'old.ts' },
      { status: 'A', path: 'copy.ts' },
      { status: 'T', path: 'link' },
      { status: 'M', path: 'a b.ts' },
    ]);
  });

  it('refuses statuses a tree diff cannot produce, and truncated records', () => {
    expect(() => parseNameStatus('U\0x\0')).toThrow(/unexpected diff-tree status 'U'/);
    expect(() => parseNameStatus('R100\0only-old')).toThrow(/truncated/);
  });
});

describe('parseCatFileBatch', () => {
  it('splits by byte sizes and skips missing names', () => {
    const body = Buffer.from('日本\n', 'utf8');
    const output = Buffer.concat([
      Buffer.from(`${'a'.repeat(40)} blob ${body.length}\n`),
      body,
      Buffer.from('\nHEAD:gone missing\n'),
      Buffer.from(`${'b'.repeat(40)} blob 0\n\n`),
    ]);
    const objects = parseCatFileBatch(output, ['x', 'HEAD:gone', 'empty']);
    expect(objects.get('x')?.content.toString('utf8')).toBe('日本\n');
    expect(objects.has('HEAD:gone')).toBe(false);
    expect(objects.get('empty')).toEqual({
      oid: 'b'.repeat(40),
      type: 'blob',
      content: Buffer.alloc(0),
    });
  });
});

describe('config keys', () => {
  it('lower-cases section and name but not the subsection', () => {
    expect(canonicalConfigKey('Core.Bare')).toBe('core.bare');
    expect(canonicalConfigKey('Branch.My.Feature.Remote')).toBe('branch.My.Feature.remote');
  });

  it('treats a key without a value as the empty string', () => {
    expect(configValue('core.bare\nfalse\0mainline.flag\0', 'mainline.flag')).toBe('');
    expect(configValue('core.bare\nfalse\0', 'mainline.flag')).toBeUndefined();
  });
});
