import { describe, expect, it } from 'vitest';
import { checkTarget } from './target';

const GiB = 1024 ** 3;

describe('backup target checks', () => {
  it('warns when a FAT32 stick gets a file near 4 GiB', () => {
    const fat = { type: 0x4d44, bavail: 100 * GiB, bsize: 1 };
    expect(checkTarget('/media/usb', 3.6 * GiB, fat).map((w) => w.code)).toEqual(['fat32Limit']);
    expect(checkTarget('/media/usb', 1 * GiB, fat)).toEqual([]);
    const ext4 = { type: 0xef53, bavail: 100 * GiB, bsize: 1 };
    expect(checkTarget('/home', 3.9 * GiB, ext4)).toEqual([]);
  });

  it('warns when the target is nearly full', () => {
    const small = { type: 0xef53, bavail: 60 * 1024 ** 2, bsize: 1 };
    expect(checkTarget('/x', 20 * 1024 ** 2, small).map((w) => w.code)).toEqual(['lowSpace']);
  });

  it('reads the real file system of a folder', () => {
    expect(Array.isArray(checkTarget(process.cwd(), 1024))).toBe(true);
  });
});
