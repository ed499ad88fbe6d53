/**
 * The Hearth backup file ("container"): one SQLite snapshot, described by a readable header and
 * optionally encrypted with a passphrase.
 *
 * File layout (all offsets in bytes; "L" is the header length)
 * ------------------------------------------------------------
 *
 *   offset      size   content
 *   0           8      magic: the ASCII text `HEARTHBK`
 *   8           4      L, an unsigned 32-bit big-endian integer; 2 <= L <= 65536
 *   12          L      the header: UTF-8 JSON (described below)
 *   12+L        32     SHA-256 of the L header bytes exactly as stored
 *   44+L        S      the payload: the SQLite database file, S = header.payloadSize bytes.
 *                      Unencrypted: the plain file. Encrypted: the AES-256-GCM ciphertext of it
 *                      (GCM does not pad, so the ciphertext is exactly S bytes long too).
 *   44+L+S      16     encrypted files only: the AES-GCM authentication tag
 *
 * Nothing follows; the file size must be exactly 44 + L + S (+ 16 if encrypted). A shorter file
 * was cut off (a full disk, a pulled USB stick, a FAT32 4 GiB limit), a longer one was damaged.
 *
 * The header (JSON object; unknown extra keys are ignored)
 * ---------------------------------------------------------
 *
 *   format         "hearth-backup"
 *   version        1 (this layout). A higher number was written by a newer Hearth.
 *   createdAt      when the snapshot was taken, ISO 8601 (e.g. "2026-03-01T09:30:00.000Z")
 *   appVersion     the Hearth version that wrote the file
 *   schemaVersion  the database schema version (name of the last migration applied)
 *   centreName     the centre's name, or null
 *   counts         rows per table in the snapshot, e.g. {"clients": 1204, ...}
 *   lastEntryAt    time of the newest entry in the snapshot, or null
 *   kind           "auto" | "manual" | "preRestore" | "preMigration"
 *   payloadSize    size in bytes of the plain SQLite file
 *   payloadSha256  SHA-256 (hex) of the plain SQLite file
 *   auditHead      optional (absent in files written before it existed): the audit log's head in
 *                  the snapshot, {"count": entries, "hash": hash of the newest entry}, or null when
 *                  the snapshot has no audit log. It anchors the hash chain: see audit.chain.ts.
 *   encryption     null, or an object:
 *       cipher     "aes-256-gcm"
 *       kdf        "scrypt"
 *       N, r, p    scrypt cost parameters (written today: N = 2^17, r = 8, p = 1)
 *       maxmem     memory limit given to scrypt when the file was written (information only)
 *       salt       base64, 16 random bytes, new for every file
 *       nonce      base64, 12 random bytes, new for every file (the GCM IV)
 *       keyCheck   base64, 16 bytes: tells a wrong passphrase from a damaged file (see below)
 *
 * The header is NOT secret, even in an encrypted file: anyone holding the file can read the
 * centre name, the dates and the row counts without the passphrase. This is deliberate, so a
 * list of backups can be shown before the passphrase is typed. Only the database itself is
 * encrypted.
 *
 * Encryption (when a passphrase is given)
 * ---------------------------------------
 *
 *   material = scrypt(passphrase, salt, 64 bytes, N, r, p), where the passphrase is first
 *              normalised to Unicode NFC and encoded as UTF-8 (the same Greek or Cyrillic text
 *              typed on different keyboards gives the same key)
 *   key      = material[0..31]                     (the AES-256 key)
 *   keyCheck = SHA-256(material[32..63])[0..15]    (stored in the header)
 *   ciphertext, tag = AES-256-GCM(key, nonce, plaintext = SQLite file,
 *                                 additional data = the L header bytes exactly as stored)
 *
 * Because the header is the GCM additional data, changing any header byte (for instance to
 * lower the scrypt cost, or to swap the counts) makes decryption fail, and the separate header
 * hash catches a damaged header in unencrypted files too.
 *
 * Why keyCheck: it lets the reader say "wrong passphrase" straight after scrypt, without
 * decrypting hundreds of MB first, and keeps "wrong passphrase" apart from "damaged file" (a
 * GCM failure after a matching keyCheck means damage). It gives an attacker nothing new: the
 * first 16 bytes of every SQLite file are the known text "SQLite format 3\0", so a passphrase
 * guess could already be checked against the first ciphertext block at the same scrypt cost.
 * Files without keyCheck are still accepted; a GCM failure on those is reported as a wrong
 * passphrase (the header and the size having been checked first).
 *
 * scrypt parameters: N = 2^17, r = 8, p = 1 (OWASP's scrypt recommendation), 128 MiB of memory,
 * maxmem 256 MiB; about 0.27 s per key on the 2-core Linux build machine (Node 20), so well
 * under the 1.5 s budget on slower centre PCs. They are stored per file and read back from the
 * header, with upper bounds (N <= 2^20, r <= 32, p <= 16, 128*N*r <= 1 GiB, N*r*p <= 2^24) so a
 * hostile header cannot make Hearth allocate gigabytes or spin for minutes.
 *
 * Reading a file by hand: `head -c 2000 backup.hearthbak` shows the header. For an unencrypted
 * file the database can be cut out with e.g. `tail -c <payloadSize> backup.hearthbak > db.sqlite`
 * and checked with `sha256sum` against payloadSha256.
 *
 * Writes are atomic: the file is written under a temporary name in the same folder, fsynced,
 * then renamed; a restored database likewise only appears under its final name once every check
 * (size, header hash, GCM tag, payload SHA-256) passed.
 */
import { createHash, createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, type DecipherGCM } from 'node:crypto';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, removeQuietly } from './fsync';

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const BACKUP_MAGIC = Buffer.from('HEARTHBK', 'ascii');
export const BACKUP_FORMAT = 'hearth-backup';
export const BACKUP_VERSION = 1;
export const MAX_HEADER_BYTES = 64 * 1024;

const HASH_BYTES = 32;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const SALT_BYTES = 16;
const KEY_CHECK_BYTES = 16;
/** magic + header length field */
const PREFIX_BYTES = BACKUP_MAGIC.length + 4;
const CHUNK_BYTES = 1024 * 1024;

/** The scrypt parameters new backups are written with (see the comment at the top). */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Upper bounds for parameters read from a header. */
export const KDF_LIMITS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 32, maxP: 16, maxMemory: 2 ** 30, maxWork: 2 ** 24 } as const;

// ---------------------------------------------------------------------------------------------
// Types and errors
// ---------------------------------------------------------------------------------------------

export type BackupKind = 'auto' | 'manual' | 'preRestore' | 'preMigration';

export interface BackupEncryption {
  cipher: 'aes-256-gcm';
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  maxmem?: number;
  /** base64, at least 16 random bytes */
  salt: string;
  /** base64, 12 random bytes */
  nonce: string;
  /** base64, 16 bytes; see "Why keyCheck" at the top of this file */
  keyCheck?: string;
}

/** The audit log's head when the snapshot was taken: its number of entries and the newest entry's hash. */
export interface AuditHead {
  count: number;
  hash: string;
}

export interface BackupHeader {
  format: 'hearth-backup';
  version: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: string;
  centreName: string | null;
  counts: Record<string, number>;
  lastEntryAt: string | null;
  kind: BackupKind;
  payloadSize: number;
  payloadSha256: string;
  auditHead?: AuditHead | null;
  encryption: BackupEncryption | null;
}

export type BackupHeaderInput = Omit<BackupHeader, 'format' | 'version' | 'payloadSize' | 'payloadSha256' | 'encryption'>;

export type BackupErrorCode = 'notABackup' | 'damaged' | 'passphraseRequired' | 'wrongPassphrase' | 'unsupportedVersion' | 'io';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  override readonly name = 'BackupError';

  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export interface WriteBackupOptions {
  passphrase?: string;
  /** Tests only: a cheaper scrypt cost. Production code always uses DEFAULT_KDF. */
  kdf?: { N: number };
}

export interface ExtractBackupOptions {
  passphrase?: string;
}

// ---------------------------------------------------------------------------------------------
// Header schema
// ---------------------------------------------------------------------------------------------

const decodedLength = (s: string): number => Buffer.from(s, 'base64').length;
const isPowerOfTwo = (n: number): boolean => n > 1 && (n & (n - 1)) === 0;

const encryptionSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int().refine(isPowerOfTwo, 'N must be a power of two'),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  maxmem: z.number().int().positive().optional(),
  salt: z.base64().refine((s) => decodedLength(s) >= SALT_BYTES, 'salt too short'),
  nonce: z.base64().refine((s) => decodedLength(s) === NONCE_BYTES, 'nonce must be 12 bytes'),
  keyCheck: z
    .base64()
    .refine((s) => decodedLength(s) === KEY_CHECK_BYTES, 'keyCheck must be 16 bytes')
    .optional(),
});

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().min(1).max(64),
  schemaVersion: z.string().max(200),
  centreName: z.string().max(500).nullable(),
  counts: z.record(z.string().min(1).max(200), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  lastEntryAt: z.string().max(100).nullable(),
  kind: z.enum(['auto', 'manual', 'preRestore', 'preMigration']),
  payloadSize: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  auditHead: z
    .object({ count: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional(),
  encryption: encryptionSchema.nullable(),
}) satisfies z.ZodType<BackupHeader>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Memory scrypt needs (OpenSSL's count): 128·r·(N + p + 2) bytes. */
function scryptMemory(N: number, r: number, p: number): number {
  return 128 * r * (N + p + 2);
}

/**
 * Checks that scrypt parameters stay within what this version is willing to run. Called before
 * the schema so that a hostile or future header never reaches scrypt.
 */
function kdfProblem(enc: Record<string, unknown>): string | null {
  if (enc.cipher !== 'aes-256-gcm' || enc.kdf !== 'scrypt') {
    return `unsupported encryption ${String(enc.cipher)} / ${String(enc.kdf)}`;
  }
  const { N, r, p, maxmem } = enc;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number') return null; // the schema reports it
  if (N > KDF_LIMITS.maxN || r > KDF_LIMITS.maxR || p > KDF_LIMITS.maxP) {
    return `scrypt parameters N=${N}, r=${r}, p=${p} exceed the limits (N <= 2^20, r <= 32, p <= 16)`;
  }
  if (N < KDF_LIMITS.minN) return `scrypt N=${N} is below 2^10`;
  if (128 * N * r > KDF_LIMITS.maxMemory || N * r * p > KDF_LIMITS.maxWork) {
    return `scrypt parameters N=${N}, r=${r}, p=${p} need too much memory or time`;
  }
  if (typeof maxmem === 'number' && maxmem > 2 * KDF_LIMITS.maxMemory) return `scrypt maxmem=${maxmem} exceeds the limit`;
  return null;
}

/** Parses and validates header bytes whose SHA-256 already matched. */
function parseHeader(bytes: Buffer): BackupHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BackupError('damaged', 'The backup header is not valid UTF-8 JSON.', { cause: error });
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) {
    throw new BackupError('damaged', 'The backup header does not describe a Hearth backup.');
  }
  if (raw.version !== BACKUP_VERSION) {
    throw new BackupError(
      'unsupportedVersion',
      typeof raw.version === 'number' && raw.version > BACKUP_VERSION
        ? `This backup was made by a newer Hearth (format version ${raw.version}); this one reads version ${BACKUP_VERSION}.`
        : `Unknown backup format version ${JSON.stringify(raw.version)}.`,
    );
  }
  if (isRecord(raw.encryption)) {
    const problem = kdfProblem(raw.encryption);
    if (problem) throw new BackupError('unsupportedVersion', `This backup uses encryption settings this Hearth does not accept: ${problem}.`);
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new BackupError('damaged', `The backup header is not valid: ${where}.`);
  }
  return parsed.data;
}

function expectedFileSize(headerLength: number, header: BackupHeader): number {
  return PREFIX_BYTES + headerLength + HASH_BYTES + header.payloadSize + (header.encryption ? TAG_BYTES : 0);
}

// ---------------------------------------------------------------------------------------------
// Reading the header
// ---------------------------------------------------------------------------------------------

interface OpenedHeader {
  header: BackupHeader;
  /** The header JSON bytes exactly as stored (the GCM additional data). */
  headerBytes: Buffer;
  payloadStart: number;
  fileSize: number;
}

function ioError(action: string, error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new BackupError('io', `${action}: ${detail}`, { cause: error });
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

async function openHeader(file: string): Promise<OpenedHeader> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw ioError(`Cannot open ${file}`, error);
  }
  try {
    let fileSize: number;
    let prefix: Buffer;
    try {
      fileSize = (await handle.stat()).size;
      prefix = await readExactly(handle, PREFIX_BYTES, 0);
    } catch (error) {
      throw ioError(`Cannot read ${file}`, error);
    }
    if (prefix.length < BACKUP_MAGIC.length || !prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new BackupError('notABackup', 'This file is not a Hearth backup.');
    }
    if (prefix.length < PREFIX_BYTES) throw new BackupError('damaged', 'The backup file is cut off right after its start.');
    const headerLength = prefix.readUInt32BE(BACKUP_MAGIC.length);
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
      throw new BackupError('damaged', `The backup header length (${headerLength}) is impossible; the file is damaged.`);
    }
    if (fileSize < PREFIX_BYTES + headerLength + HASH_BYTES) {
      throw new BackupError('damaged', 'The backup file is cut off inside its header.');
    }
    let rest: Buffer;
    try {
      rest = await readExactly(handle, headerLength + HASH_BYTES, PREFIX_BYTES);
    } catch (error) {
      throw ioError(`Cannot read ${file}`, error);
    }
    if (rest.length < headerLength + HASH_BYTES) throw new BackupError('damaged', 'The backup file is cut off inside its header.');
    const headerBytes = rest.subarray(0, headerLength);
    const storedHash = rest.subarray(headerLength);
    if (!createHash('sha256').update(headerBytes).digest().equals(storedHash)) {
      throw new BackupError('damaged', 'The backup header is damaged (its checksum does not match).');
    }
    const header = parseHeader(headerBytes);
    const expected = expectedFileSize(headerLength, header);
    if (fileSize < expected) {
      throw new BackupError('damaged', `The backup file is cut off: ${expected - fileSize} bytes are missing.`);
    }
    if (fileSize > expected) {
      throw new BackupError('damaged', `The backup file has ${fileSize - expected} unexpected bytes at the end.`);
    }
    return { header, headerBytes, payloadStart: PREFIX_BYTES + headerLength + HASH_BYTES, fileSize };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads and checks the header of a backup file without the passphrase: magic, header length,
 * header checksum, JSON shape, format version, and that the file has exactly the expected size.
 * It does not read the payload; use extractBackup (or verifyBackup) for that.
 */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  return (await openHeader(file)).header;
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

interface DerivedKey {
  key: Buffer;
  keyCheck: Buffer;
}

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<DerivedKey> {
  const maxmem = scryptMemory(N, r, p) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 64, { N, r, p, maxmem }, (error, material) => {
      if (error) {
        reject(error);
        return;
      }
      const key = Buffer.from(material.subarray(0, 32));
      const keyCheck = createHash('sha256').update(material.subarray(32, 64)).digest().subarray(0, KEY_CHECK_BYTES);
      material.fill(0);
      resolve({ key, keyCheck });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Passes over a file
// ---------------------------------------------------------------------------------------------

/** Called after each chunk of a pass with the bytes of that chunk (progress of long work). */
export type OnBytes = (bytes: number) => void;

/** Progress of a long task in its own units: `done` of `total`, `done === total` at the end. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Reads `length` bytes of `file` from `start` in CHUNK_BYTES pieces and gives each piece to
 * `each` (awaited, so a write finishes before the buffer is reused). Plain positioned reads into
 * one buffer, so that one loop serves the hash pass, the write pass and the read-back check.
 */
async function eachChunk(file: string, start: number, length: number, each: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  const source = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let done = 0;
  try {
    while (done < length) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(CHUNK_BYTES, length - done), start + done);
      if (bytesRead === 0) break;
      await each(buffer.subarray(0, bytesRead));
      done += bytesRead;
    }
  } finally {
    await source.close();
  }
  return done;
}

/** Writes all of `chunk` to `handle` at `position`. */
async function writeAll(handle: FileHandle, chunk: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position + done);
    if (bytesWritten === 0) throw new Error('the disk accepted no bytes');
    done += bytesWritten;
  }
}

function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

async function hashFile(file: string, size: number, onBytes?: OnBytes): Promise<string> {
  const hash = createHash('sha256');
  const read = await eachChunk(file, 0, size, (chunk) => {
    hash.update(chunk);
    onBytes?.(chunk.length);
  });
  if (read !== size) throw new BackupError('io', `The snapshot ${file} changed while the backup was being written.`);
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** The header as written, and the prefix bytes (magic, length, header, header hash) before the payload. */
function encodeHeader(full: BackupHeader): { headerBytes: Buffer; prefix: Buffer } {
  const checked = headerSchema.safeParse(full);
  if (!checked.success) {
    throw new BackupError('io', `Invalid backup header: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const headerBytes = Buffer.from(JSON.stringify(full, null, 2), 'utf8');
  if (headerBytes.length > MAX_HEADER_BYTES) throw new BackupError('io', `The backup header is too large (${headerBytes.length} bytes).`);
  const lengthField = Buffer.alloc(4);
  lengthField.writeUInt32BE(headerBytes.length);
  return { headerBytes, prefix: Buffer.concat([BACKUP_MAGIC, lengthField, headerBytes, createHash('sha256').update(headerBytes).digest()]) };
}

/** A placeholder SHA-256 of the right length: the header's length is known before the payload is hashed. */
const UNKNOWN_SHA256 = '0'.repeat(64);

/**
 * Wraps a SQLite snapshot file (made with the backup API or VACUUM INTO) into a backup file at
 * `target`, encrypted when a passphrase is given. The file is written under a temporary name in
 * the same folder, fsynced and renamed, so `target` is either the complete file or absent (an
 * existing file at `target` is replaced). Any failure throws BackupError('io') and leaves no
 * temporary file behind.
 *
 * Unencrypted, the snapshot is read once: its bytes are hashed as they are written after the
 * header's place, and the header (whose length does not depend on the hash's value) is written
 * last. Encrypted, the header is the cipher's additional data and holds the hash, so the snapshot
 * is hashed first and read a second time to encrypt it; that second read is hashed too, so a
 * snapshot that changed in between is refused. `onBytes` hears every chunk of every pass.
 */
export async function writeBackup(
  snapshotFile: string,
  target: string,
  header: BackupHeaderInput,
  options: WriteBackupOptions = {},
  onBytes?: OnBytes,
): Promise<BackupHeader> {
  const temp = tempNameFor(target);
  let handle: FileHandle | undefined;
  let key: DerivedKey | null = null;
  try {
    const { passphrase } = options;
    if (passphrase !== undefined && passphrase.length === 0) throw new BackupError('io', 'An empty passphrase cannot encrypt a backup.');

    let size: number;
    try {
      size = (await stat(snapshotFile)).size;
    } catch (error) {
      throw ioError(`Cannot read the snapshot ${snapshotFile}`, error);
    }
    if (!Number.isSafeInteger(size) || size <= 0) throw new BackupError('io', `The snapshot ${snapshotFile} is empty.`);

    let encryption: BackupEncryption | null = null;
    if (passphrase !== undefined) {
      const N = options.kdf?.N ?? DEFAULT_KDF.N;
      const { r, p } = DEFAULT_KDF;
      const salt = randomBytes(SALT_BYTES);
      const nonce = randomBytes(NONCE_BYTES);
      const problem = kdfProblem({ cipher: 'aes-256-gcm', kdf: 'scrypt', N, r, p });
      if (problem !== null || !isPowerOfTwo(N)) throw new BackupError('io', `Invalid scrypt parameters: ${problem ?? 'N must be a power of two'}.`);
      key = await deriveKey(passphrase, salt, N, r, p);
      encryption = {
        cipher: 'aes-256-gcm',
        kdf: 'scrypt',
        N,
        r,
        p,
        maxmem: Math.max(256 * 1024 * 1024, scryptMemory(N, r, p) + 1024 * 1024),
        salt: salt.toString('base64'),
        nonce: nonce.toString('base64'),
        keyCheck: key.keyCheck.toString('base64'),
      };
    }

    const headerWith = (sha256: string): BackupHeader => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: header.createdAt,
      appVersion: header.appVersion,
      schemaVersion: header.schemaVersion,
      centreName: header.centreName,
      counts: header.counts,
      lastEntryAt: header.lastEntryAt,
      kind: header.kind,
      payloadSize: size,
      payloadSha256: sha256,
      ...(header.auditHead !== undefined ? { auditHead: header.auditHead } : {}),
      encryption,
    });

    handle = await open(temp, 'wx', 0o600);
    const out = handle;
    let full: BackupHeader;
    let prefix: Buffer;
    let written: number;
    const hash = createHash('sha256');
    if (key && encryption) {
      full = headerWith(await hashFile(snapshotFile, size, onBytes));
      const encoded = encodeHeader(full);
      prefix = encoded.prefix;
      await writeAll(out, prefix, 0);
      const cipher = createCipheriv('aes-256-gcm', key.key, Buffer.from(encryption.nonce, 'base64'), { authTagLength: TAG_BYTES });
      key.key.fill(0);
      cipher.setAAD(encoded.headerBytes);
      let at = prefix.length;
      written = await eachChunk(snapshotFile, 0, size, async (chunk) => {
        hash.update(chunk);
        const sealed = cipher.update(chunk);
        await writeAll(out, sealed, at);
        at += sealed.length;
        onBytes?.(chunk.length);
      });
      const last = cipher.final();
      if (last.length > 0) throw new BackupError('io', 'AES-GCM produced bytes after the last chunk.');
      if (written !== size || hash.digest('hex') !== full.payloadSha256) {
        throw new BackupError('io', `The snapshot ${snapshotFile} changed while the backup was being written.`);
      }
      const tag = cipher.getAuthTag();
      await writeAll(out, tag, prefix.length + size);
    } else {
      const start = encodeHeader(headerWith(UNKNOWN_SHA256)).prefix.length;
      let at = start;
      written = await eachChunk(snapshotFile, 0, size, async (chunk) => {
        hash.update(chunk);
        await writeAll(out, chunk, at);
        at += chunk.length;
        onBytes?.(chunk.length);
      });
      if (written !== size) throw new BackupError('io', `The snapshot ${snapshotFile} changed while the backup was being written.`);
      full = headerWith(hash.digest('hex'));
      prefix = encodeHeader(full).prefix;
      if (prefix.length !== start) throw new BackupError('io', 'The backup header changed its length.');
      await writeAll(out, prefix, 0);
    }

    const fileSize = (await handle.stat()).size;
    if (fileSize !== prefix.length + size + (encryption ? TAG_BYTES : 0)) throw new BackupError('io', `The backup file has ${fileSize} bytes, not the expected size.`);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
    await fsyncDir(dirname(target));
    return full;
  } catch (error) {
    key?.key.fill(0);
    await handle?.close().catch(() => undefined);
    await removeQuietly(temp);
    throw ioError(`Could not write the backup ${target}`, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the payload back
// ---------------------------------------------------------------------------------------------

/** Opens the header and, for an encrypted file, derives the key and prepares the decipher (tag set). */
async function openPayload(file: string, options: ExtractBackupOptions): Promise<OpenedHeader & { decipher: DecipherGCM | null }> {
  const opened = await openHeader(file);
  const { header, headerBytes, payloadStart } = opened;
  const { encryption } = header;
  if (!encryption) return { ...opened, decipher: null };
  const { passphrase } = options;
  if (passphrase === undefined || passphrase.length === 0) {
    throw new BackupError('passphraseRequired', 'This backup is encrypted; its passphrase is needed.');
  }
  let derived: DerivedKey;
  try {
    derived = await deriveKey(passphrase, Buffer.from(encryption.salt, 'base64'), encryption.N, encryption.r, encryption.p);
  } catch (error) {
    throw ioError('Could not derive the key from the passphrase', error);
  }
  if (encryption.keyCheck !== undefined && !timingSafeEqual(derived.keyCheck, Buffer.from(encryption.keyCheck, 'base64'))) {
    derived.key.fill(0);
    throw new BackupError('wrongPassphrase', 'The passphrase is not the one this backup was made with.');
  }
  const decipher = createDecipheriv('aes-256-gcm', derived.key, Buffer.from(encryption.nonce, 'base64'), { authTagLength: TAG_BYTES });
  derived.key.fill(0);
  decipher.setAAD(headerBytes);
  let tag: Buffer;
  const source = await open(file, 'r');
  try {
    tag = await readExactly(source, TAG_BYTES, payloadStart + header.payloadSize);
  } finally {
    await source.close();
  }
  if (tag.length !== TAG_BYTES) throw new BackupError('damaged', 'The backup file is cut off.');
  decipher.setAuthTag(tag);
  return { ...opened, decipher };
}

/**
 * One pass over the payload: decrypts it (when encrypted), hands the plain bytes to `sink` (if
 * any) and checks the GCM tag, the byte count and (unless `hashPlain` is false) the SHA-256
 * against the header.
 */
async function passPayload(
  file: string,
  opened: OpenedHeader & { decipher: DecipherGCM | null },
  sink?: (plain: Buffer, at: number) => Promise<void>,
  onBytes?: OnBytes,
  hashPlain = true,
): Promise<void> {
  const { header, payloadStart, decipher } = opened;
  const hash = createHash('sha256');
  let plainBytes = 0;
  const take = async (plain: Buffer) => {
    if (hashPlain) hash.update(plain);
    if (sink) await sink(plain, plainBytes);
    plainBytes += plain.length;
  };
  await eachChunk(file, payloadStart, header.payloadSize, async (chunk) => {
    await take(decipher ? decipher.update(chunk) : chunk);
    onBytes?.(chunk.length);
  });
  if (decipher) {
    let last: Buffer;
    try {
      last = decipher.final();
    } catch (error) {
      throw header.encryption?.keyCheck !== undefined
        ? new BackupError('damaged', 'The encrypted backup is damaged (authentication failed).', { cause: error })
        : new BackupError('wrongPassphrase', 'Wrong passphrase, or the encrypted backup is damaged.', { cause: error });
    }
    if (last.length > 0) await take(last);
  }
  if (plainBytes !== header.payloadSize) {
    throw new BackupError('damaged', `The backup payload has ${plainBytes} bytes instead of ${header.payloadSize}.`);
  }
  if (hashPlain && hash.digest('hex') !== header.payloadSha256) {
    throw new BackupError('damaged', 'The backup is damaged: the database inside does not match its checksum.');
  }
}

/**
 * Reads a backup file back and checks everything the container promises without writing
 * anything: magic, header checksum, exact size, and the payload: unencrypted its SHA-256,
 * encrypted its GCM tag. How a backup just written is checked on the disk it was written to.
 *
 * Why the tag alone for an encrypted file: it authenticates every ciphertext byte (and the header)
 * under the key, so a file whose tag matches decrypts to exactly the bytes that were encrypted,
 * and writeBackup hashed those very bytes while encrypting them and refused to finish unless they
 * matched the header's SHA-256. Nobody without the key can make another file with a matching tag.
 * (extractBackup, which restores, checks both anyway.)
 */
export async function checkBackupFile(file: string, options: ExtractBackupOptions = {}, onBytes?: OnBytes): Promise<BackupHeader> {
  try {
    const opened = await openPayload(file, options);
    await passPayload(file, opened, undefined, onBytes, opened.decipher === null);
    return opened.header;
  } catch (error) {
    throw ioError(`Could not read the backup ${file}`, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Extracting
// ---------------------------------------------------------------------------------------------

/**
 * Checks a backup completely and writes the plain SQLite database to `targetSqlite`.
 *
 * The payload is decrypted (or copied) into a temporary file next to `targetSqlite`; only after
 * the GCM tag and the SHA-256 of the plain bytes both match the header is the file fsynced and
 * renamed to `targetSqlite` (replacing a file there). On any failure nothing is written at
 * `targetSqlite`, the temporary file is removed, and a BackupError tells what went wrong.
 */
export async function extractBackup(file: string, targetSqlite: string, options: ExtractBackupOptions = {}, onBytes?: OnBytes): Promise<BackupHeader> {
  const opened = await openPayload(file, options);
  const temp = tempNameFor(targetSqlite);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o600);
    const out = handle;
    await passPayload(file, opened, (plain, at) => writeAll(out, plain, at), onBytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, targetSqlite);
    await fsyncDir(dirname(targetSqlite));
    return opened.header;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await removeQuietly(temp);
    throw ioError(`Could not extract the backup ${file}`, error);
  }
}
