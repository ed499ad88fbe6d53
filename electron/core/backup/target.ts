import { statfsSync } from 'node:fs';

export type TargetWarning = { code: 'fat32Limit'; sizeBytes: number } | { code: 'lowSpace'; freeBytes: number; sizeBytes: number };

const MSDOS_SUPER_MAGIC = 0x4d44; // FAT12/16/32 (vfat, msdos)
const FAT32_MAX_FILE = 4 * 1024 ** 3 - 1;

/**
 * Warnings about a folder a backup is about to be written to: a FAT32 USB stick cannot hold a
 * file of 4 GiB or more (warn from 3.5 GiB), and a nearly full disk. `fs` is injectable for tests.
 */
export function checkTarget(dir: string, sizeBytes: number, fs: { type: number; bavail: number; bsize: number } | null = null): TargetWarning[] {
  let info = fs;
  if (info === null) {
    try {
      const s = statfsSync(dir);
      info = { type: s.type, bavail: s.bavail, bsize: s.bsize };
    } catch {
      return [];
    }
  }
  const warnings: TargetWarning[] = [];
  if (info.type === MSDOS_SUPER_MAGIC && sizeBytes > FAT32_MAX_FILE * 0.875) warnings.push({ code: 'fat32Limit', sizeBytes });
  const free = info.bavail * info.bsize;
  if (free < sizeBytes * 1.2 + 50 * 1024 ** 2) warnings.push({ code: 'lowSpace', freeBytes: free, sizeBytes });
  return warnings;
}
