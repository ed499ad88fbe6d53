import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_MAGIC,
  BackupError,
  checkBackupFile,
  DEFAULT_KDF,
  extractBackup,
  readBackupHeader,
  writeBackup,
  type BackupErrorCode,
  type BackupHeader,
  type BackupHeaderInput,
} from './container';
import { snapshotCounts, verifyBackup } from './verify';

/** Cheap scrypt cost for tests (the production default N=2^17 is exercised once). */
const TEST_KDF = { N: 2 ** 14 };
const PASSPHRASE = 'Καλημέρα, Доброго ранку! zażółć';

let root: string;
let snapshot: string;
let snapshotBytes: Buffer;
let counts: Record<string, number>;
let plainFile: string;
let encFile: string;
let caseNo = 0;

/** A fresh empty folder for one case. */
function freshDir(): string {
  const dir = join(root, `case-${++caseNo}`);
  mkdirSync(dir);
  return dir;
}

function headerInput(overrides: Partial<BackupHeaderInput> = {}): BackupHeaderInput {
  return {
    createdAt: '2026-03-01T09:30:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: '20261123_1700_initial_schema',
    centreName: 'Центр «Надія» / Κέντρο Ελπίδα',
    counts,
    lastEntryAt: '2026-03-01T09:29:00.000Z',
    kind: 'manual',
    ...overrides,
  };
}

/** Builds a small real database with Cyrillic and Greek text and returns a VACUUM INTO snapshot. */
function makeSnapshot(dir: string, name: string, options: { orphan?: boolean } = {}): string {
  const live = join(dir, `${name}.live.sqlite`);
  const db = new Database(live);
  db.pragma('journal_mode = WAL');
  db.pragma(`foreign_keys = ${options.orphan ? 'OFF' : 'ON'}`);
  db.exec(`
    CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL, street TEXT, note TEXT);
    CREATE INDEX clients_name ON clients (name);
    CREATE TABLE visits (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients (id), at TEXT NOT NULL, what TEXT);
    CREATE TABLE "odd ""name"" table" (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
  `);
  const first = ['Олександр', 'Марія', 'Іван', 'Фёдор', 'Γιώργος', 'Ελένη', 'Παναγιώτης', 'Zofia', 'Їжак', 'Σωκράτης'];
  const last = ['Шевченко', 'Ковальчук', 'Παπαδόπουλος', 'Οικονόμου', 'Łukasiewicz', 'Смирнова', 'Αλεξίου', 'Гончаренко'];
  const insertClient = db.prepare('INSERT INTO clients (id, name, street, note) VALUES (?, ?, ?, ?)');
  const insertVisit = db.prepare('INSERT INTO visits (client_id, at, what) VALUES (?, ?, ?)');
  const insertOdd = db.prepare('INSERT INTO "odd ""name"" table" (k, v) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= 2500; i++) {
      insertClient.run(i, `${first[i % first.length]} ${last[i % last.length]} ${i}`, `вул. Миру ${i % 90} / οδός Ερμού ${i % 70}`, i % 3 ? 'Потрібні ліки щотижня — φάρμακα' : null);
    }
    for (let i = 1; i <= 4000; i++) insertVisit.run((i % 2500) + 1, `2026-02-${String((i % 28) + 1).padStart(2, '0')}`, i % 2 ? 'продуктовий набір' : 'τρόφιμα');
    for (let i = 0; i < 50; i++) insertOdd.run(`κλειδί-${i}`, `значення ${i}`);
    if (options.orphan) insertVisit.run(999_999, '2026-02-01', 'orphan');
  })();
  const out = join(dir, `${name}.snapshot.sqlite`);
  db.prepare('VACUUM INTO ?').run(out);
  db.close();
  return out;
}

async function codeOf(promise: Promise<unknown>): Promise<BackupErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
}

/** Layout facts of a container, read by hand (independently of container.ts). */
function layout(bytes: Buffer) {
  const headerLength = bytes.readUInt32BE(8);
  const headerStart = 12;
  const hashStart = headerStart + headerLength;
  const payloadStart = hashStart + 32;
  const header = JSON.parse(bytes.subarray(headerStart, hashStart).toString('utf8')) as BackupHeader;
  const payloadEnd = payloadStart + header.payloadSize;
  return { headerLength, headerStart, hashStart, payloadStart, payloadEnd, header };
}

/** Re-assembles a container with a different header (correct length and header hash). */
function withHeader(bytes: Buffer, edit: (header: Record<string, unknown>) => unknown): Buffer {
  const l = layout(bytes);
  const header = JSON.parse(bytes.subarray(l.headerStart, l.hashStart).toString('utf8')) as Record<string, unknown>;
  const replaced = edit(header);
  const json = Buffer.from(typeof replaced === 'string' ? replaced : JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json, createHash('sha256').update(json).digest(), bytes.subarray(l.payloadStart)]);
}

/** Checks that extraction fails with `code`, leaves nothing behind, and that verify agrees. */
async function expectRejected(file: string, code: BackupErrorCode, passphrase?: string): Promise<void> {
  const dir = freshDir();
  const target = join(dir, 'restored.sqlite');
  expect(await codeOf(extractBackup(file, target, passphrase === undefined ? {} : { passphrase }))).toBe(code);
  expect(existsSync(target)).toBe(false);
  // The read-back check of a backup just made finds the same (and writes nothing).
  expect(await codeOf(checkBackupFile(file, passphrase === undefined ? {} : { passphrase }))).toBe(code);
  expect(readdirSync(dir)).toEqual([]);
  const verified = await verifyBackup(file, { ...(passphrase === undefined ? {} : { passphrase }), tempDir: dir });
  expect(verified.ok).toBe(false);
  expect(verified.problem).toBe(code);
  expect(readdirSync(dir)).toEqual([]);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hearth-container-test-'));
  snapshot = makeSnapshot(root, 'main');
  snapshotBytes = readFileSync(snapshot);
  counts = snapshotCounts(snapshot);
  plainFile = join(root, 'plain.hearthbak');
  encFile = join(root, 'encrypted.hearthbak');
  await writeBackup(snapshot, plainFile, headerInput({ kind: 'auto' }));
  await writeBackup(snapshot, encFile, headerInput(), { passphrase: PASSPHRASE, kdf: TEST_KDF });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('fixture', () => {
  it('is a real multi-page database with non-Latin text', () => {
    expect(counts).toEqual({ clients: 2500, 'odd "name" table': 50, visits: 4000 });
    expect(snapshotBytes.length).toBeGreaterThan(200_000);
    expect(snapshotBytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });
});

describe('round trip', () => {
  it('unencrypted: the header describes the snapshot, extraction is byte-identical, verify passes', async () => {
    const header = await readBackupHeader(plainFile);
    expect(header).toMatchObject({
      format: 'hearth-backup',
      version: 1,
      kind: 'auto',
      centreName: 'Центр «Надія» / Κέντρο Ελπίδα',
      counts,
      payloadSize: snapshotBytes.length,
      payloadSha256: createHash('sha256').update(snapshotBytes).digest('hex'),
      encryption: null,
    });
    const dir = freshDir();
    const target = join(dir, 'restored.sqlite');
    expect(await extractBackup(plainFile, target)).toEqual(header);
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['restored.sqlite']);
    // a passphrase given for an unencrypted file is simply not needed
    expect(await extractBackup(plainFile, join(dir, 'again.sqlite'), { passphrase: 'x' })).toEqual(header);

    const verified = await verifyBackup(plainFile, { tempDir: dir });
    expect(verified).toEqual({ ok: true, header });
    expect(readdirSync(dir).sort()).toEqual(['again.sqlite', 'restored.sqlite']);
  });

  it('unencrypted: the payload is the plain SQLite file (readable by hand, as documented)', () => {
    const bytes = readFileSync(plainFile);
    const l = layout(bytes);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('HEARTHBK');
    expect(createHash('sha256').update(bytes.subarray(l.headerStart, l.hashStart)).digest().equals(bytes.subarray(l.hashStart, l.payloadStart))).toBe(true);
    expect(bytes.length).toBe(l.payloadEnd);
    expect(bytes.subarray(l.payloadStart).equals(snapshotBytes)).toBe(true);
  });

  it('encrypted (test KDF): byte-identical extraction, verify passes, no plaintext in the file', async () => {
    const header = await readBackupHeader(encFile);
    expect(header.encryption).toMatchObject({ cipher: 'aes-256-gcm', kdf: 'scrypt', N: TEST_KDF.N, r: 8, p: 1 });
    const dir = freshDir();
    const target = join(dir, 'restored.sqlite');
    await extractBackup(encFile, target, { passphrase: PASSPHRASE });
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
    expect(await verifyBackup(encFile, { passphrase: PASSPHRASE, tempDir: dir })).toEqual({ ok: true, header });
    expect(readdirSync(dir)).toEqual(['restored.sqlite']);

    const bytes = readFileSync(encFile);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Шевченко'))).toBe(false);
    expect(bytes.includes(Buffer.from('Παπαδόπουλος'))).toBe(false);
  });

  it('encrypted: a passphrase typed in another Unicode normal form opens the file', async () => {
    const decomposed = PASSPHRASE.normalize('NFD');
    expect(decomposed).not.toBe(PASSPHRASE);
    const target = join(freshDir(), 'restored.sqlite');
    await extractBackup(encFile, target, { passphrase: decomposed });
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
  });

  it('encrypted with the production scrypt cost (N=2^17, r=8, p=1)', async () => {
    const dir = freshDir();
    const file = join(dir, 'default.hearthbak');
    const header = await writeBackup(snapshot, file, headerInput(), { passphrase: PASSPHRASE });
    expect(header.encryption).toMatchObject({ N: DEFAULT_KDF.N, r: DEFAULT_KDF.r, p: DEFAULT_KDF.p, maxmem: 256 * 1024 * 1024 });
    const target = join(dir, 'restored.sqlite');
    await extractBackup(file, target, { passphrase: PASSPHRASE });
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
  });

  it('the documented format can be read by an independent implementation', () => {
    const bytes = readFileSync(encFile);
    const l = layout(bytes);
    const enc = l.header.encryption;
    if (!enc) throw new Error('expected an encrypted file');
    expect(bytes.length).toBe(l.payloadEnd + 16);
    const material = scryptSync(Buffer.from(PASSPHRASE.normalize('NFC'), 'utf8'), Buffer.from(enc.salt, 'base64'), 64, {
      N: enc.N,
      r: enc.r,
      p: enc.p,
      maxmem: 256 * 1024 * 1024,
    });
    expect(createHash('sha256').update(material.subarray(32)).digest().subarray(0, 16).toString('base64')).toBe(enc.keyCheck);
    const decipher = createDecipheriv('aes-256-gcm', material.subarray(0, 32), Buffer.from(enc.nonce, 'base64'));
    decipher.setAAD(bytes.subarray(l.headerStart, l.hashStart));
    decipher.setAuthTag(bytes.subarray(l.payloadEnd));
    const plain = Buffer.concat([decipher.update(bytes.subarray(l.payloadStart, l.payloadEnd)), decipher.final()]);
    expect(plain.equals(snapshotBytes)).toBe(true);
  });
});

/** ~40 bit positions spread over every region of a container. */
function flipPositions(bytes: Buffer, encrypted: boolean): Array<{ region: string; offset: number; bit: number }> {
  const l = layout(bytes);
  const out: Array<{ region: string; offset: number; bit: number }> = [];
  const add = (region: string, offset: number, bit: number) => out.push({ region, offset, bit });
  add('length', 8, 7);
  add('length', 9, 0);
  add('length', 10, 4);
  add('length', 11, 0);
  add('length', 11, 1);
  for (let i = 0; i < 8; i++) add('header', l.headerStart + Math.floor(((l.headerLength - 1) * i) / 7), i);
  for (const i of [0, 13, 31]) add('header hash', l.hashStart + i, i % 8);
  const size = l.header.payloadSize;
  for (const i of [0, 1, 15, 16, 100, 4096]) add('payload start', l.payloadStart + i, i % 8);
  for (let i = 1; i <= 10; i++) add('payload middle', l.payloadStart + Math.floor((size * i) / 11), i % 8);
  for (const i of [1000, 2, 1]) add('payload end', l.payloadEnd - i, i % 8);
  if (encrypted) for (const i of [0, 7, 15]) add('tag', l.payloadEnd + i, (i + 3) % 8);
  return out;
}

describe('damage is detected', () => {
  for (const encrypted of [false, true]) {
    const label = encrypted ? 'encrypted' : 'unencrypted';
    it(`${label}: any flipped bit (length, header, header hash, payload, tag) → damaged, nothing restored`, async () => {
      const source = encrypted ? encFile : plainFile;
      const passphrase = encrypted ? PASSPHRASE : undefined;
      const bytes = readFileSync(source);
      const positions = flipPositions(bytes, encrypted);
      expect(positions.length).toBeGreaterThanOrEqual(encrypted ? 38 : 35);
      const dir = freshDir();
      for (const [i, { region, offset, bit }] of positions.entries()) {
        const copy = Buffer.from(bytes);
        copy[offset] = (copy[offset] ?? 0) ^ (1 << bit);
        const file = join(dir, `flip-${i}.hearthbak`);
        writeFileSync(file, copy);
        await expect(expectRejected(file, 'damaged', passphrase), `${region} @${offset} bit ${bit}`).resolves.toBeUndefined();
      }
    });

    it(`${label}: a flipped bit in the magic → notABackup`, async () => {
      const copy = readFileSync(encrypted ? encFile : plainFile);
      copy[3] = (copy[3] ?? 0) ^ 0x20;
      const file = join(freshDir(), 'magic.hearthbak');
      writeFileSync(file, copy);
      await expectRejected(file, 'notABackup', encrypted ? PASSPHRASE : undefined);
    });

    it(`${label}: truncation anywhere and extra bytes → damaged`, async () => {
      const source = encrypted ? encFile : plainFile;
      const passphrase = encrypted ? PASSPHRASE : undefined;
      const bytes = readFileSync(source);
      const l = layout(bytes);
      const cuts = [10, 12, 12 + Math.floor(l.headerLength / 2), l.hashStart + 5, l.payloadStart, l.payloadStart + 100, l.payloadStart + Math.floor(l.header.payloadSize / 2), bytes.length - 1];
      if (encrypted) cuts.push(l.payloadEnd, l.payloadEnd + 8);
      const dir = freshDir();
      for (const cut of cuts) {
        const file = join(dir, `cut-${cut}.hearthbak`);
        writeFileSync(file, bytes.subarray(0, cut));
        expect(await codeOf(readBackupHeader(file)), `cut at ${cut}`).toBe('damaged');
        await expect(expectRejected(file, 'damaged', passphrase), `cut at ${cut}`).resolves.toBeUndefined();
      }
      for (const extra of [Buffer.alloc(1), randomBytes(4096), bytes]) {
        const file = join(dir, `extra-${extra.length}.hearthbak`);
        writeFileSync(file, Buffer.concat([bytes, extra]));
        expect(await codeOf(readBackupHeader(file))).toBe('damaged');
        await expectRejected(file, 'damaged', passphrase);
      }
    });
  }

  it('files that are not backups → notABackup; missing files and folders → io', async () => {
    const dir = freshDir();
    const zeroed = readFileSync(encFile);
    zeroed.fill(0, 0, 4096);
    const cases: Record<string, Buffer> = {
      empty: Buffer.alloc(0),
      short: Buffer.from('HEART'),
      zeroedStart: zeroed,
      random: randomBytes(65536),
      sqlite: snapshotBytes,
      text: Buffer.from('Это не резервная копия\n'),
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = join(dir, `${name}.hearthbak`);
      writeFileSync(file, content);
      expect(await codeOf(readBackupHeader(file)), name).toBe('notABackup');
      await expect(expectRejected(file, 'notABackup', PASSPHRASE), name).resolves.toBeUndefined();
    }
    expect(await codeOf(readBackupHeader(join(dir, 'missing.hearthbak')))).toBe('io');
    expect(await codeOf(readBackupHeader(dir))).toBe('io');
    const verified = await verifyBackup(join(dir, 'missing.hearthbak'));
    expect(verified).toMatchObject({ ok: false, header: null, problem: 'io' });
  });

  it('magic alone with a cut-off length field → damaged', async () => {
    const file = join(freshDir(), 'magic-only.hearthbak');
    writeFileSync(file, Buffer.concat([BACKUP_MAGIC, Buffer.from([0, 0])]));
    expect(await codeOf(readBackupHeader(file))).toBe('damaged');
  });
});

describe('passphrases', () => {
  it('wrong passphrase → wrongPassphrase; none → passphraseRequired; nothing is written', async () => {
    await expectRejected(encFile, 'wrongPassphrase', 'Καλημέρα, Доброго ранку! zazolc');
    await expectRejected(encFile, 'passphraseRequired');
    await expectRejected(encFile, 'passphraseRequired', '');
    // the header stays readable without the passphrase
    expect((await readBackupHeader(encFile)).counts).toEqual(counts);
    const verified = await verifyBackup(encFile, { tempDir: freshDir() });
    expect(verified.header?.counts).toEqual(counts);
  });

  it('two backups of the same snapshot with the same passphrase share no salt, nonce or ciphertext', async () => {
    const file = join(freshDir(), 'second.hearthbak');
    await writeBackup(snapshot, file, headerInput(), { passphrase: PASSPHRASE, kdf: TEST_KDF });
    const a = readFileSync(encFile);
    const b = readFileSync(file);
    const la = layout(a);
    const lb = layout(b);
    expect(la.header.encryption?.salt).not.toBe(lb.header.encryption?.salt);
    expect(la.header.encryption?.nonce).not.toBe(lb.header.encryption?.nonce);
    expect(la.header.encryption?.keyCheck).not.toBe(lb.header.encryption?.keyCheck);
    expect(Buffer.from(la.header.encryption?.salt ?? '', 'base64').length).toBe(16);
    expect(Buffer.from(la.header.encryption?.nonce ?? '', 'base64').length).toBe(12);
    const ca = a.subarray(la.payloadStart, la.payloadEnd);
    const cb = b.subarray(lb.payloadStart, lb.payloadEnd);
    expect(ca.length).toBe(cb.length);
    // no 16-byte block in common at the same position
    let same = 0;
    for (let i = 0; i + 16 <= ca.length; i += 16) if (ca.subarray(i, i + 16).equals(cb.subarray(i, i + 16))) same++;
    expect(same).toBe(0);
  });

  it('files without keyCheck: a GCM failure is reported as wrongPassphrase (documented fallback)', async () => {
    // Written by hand as the format describes, without the optional keyCheck.
    const salt = randomBytes(16);
    const nonce = randomBytes(12);
    const header = {
      format: 'hearth-backup',
      version: 1,
      ...headerInput(),
      payloadSize: snapshotBytes.length,
      payloadSha256: createHash('sha256').update(snapshotBytes).digest('hex'),
      encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt', N: TEST_KDF.N, r: 8, p: 1, salt: salt.toString('base64'), nonce: nonce.toString('base64') },
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const material = scryptSync(Buffer.from(PASSPHRASE, 'utf8'), salt, 64, { N: TEST_KDF.N, r: 8, p: 1 });
    const cipher = createCipheriv('aes-256-gcm', material.subarray(0, 32), nonce);
    cipher.setAAD(json);
    const ciphertext = Buffer.concat([cipher.update(snapshotBytes), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const bytes = Buffer.concat([BACKUP_MAGIC, length, json, createHash('sha256').update(json).digest(), ciphertext, cipher.getAuthTag()]);
    const dir = freshDir();
    const file = join(dir, 'no-keycheck.hearthbak');
    writeFileSync(file, bytes);

    const target = join(dir, 'restored.sqlite');
    await extractBackup(file, target, { passphrase: PASSPHRASE });
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
    await expectRejected(file, 'wrongPassphrase', 'not it');
    const flipped = Buffer.from(bytes);
    const at = bytes.length - 1000;
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    const flippedFile = join(dir, 'no-keycheck-flipped.hearthbak');
    writeFileSync(flippedFile, flipped);
    await expectRejected(flippedFile, 'wrongPassphrase', PASSPHRASE);
  });
});

describe('hostile and foreign headers', () => {
  it('N=2^30 (and other huge scrypt costs) are rejected at once, without running scrypt', async () => {
    const bytes = readFileSync(encFile);
    const dir = freshDir();
    const hostile: Array<Record<string, number>> = [{ N: 2 ** 30 }, { N: 2 ** 21 }, { r: 1024 }, { p: 1000 }, { N: 2 ** 20, r: 16 }, { maxmem: 2 ** 40 }];
    for (const [i, params] of hostile.entries()) {
      const file = join(dir, `hostile-${i}.hearthbak`);
      writeFileSync(
        file,
        withHeader(bytes, (h) => {
          h.encryption = { ...(h.encryption as object), ...params };
        }),
      );
      const started = performance.now();
      expect(await codeOf(readBackupHeader(file)), JSON.stringify(params)).toBe('unsupportedVersion');
      await expectRejected(file, 'unsupportedVersion', PASSPHRASE);
      // Refused before any key derivation: these parameters would take minutes (or gigabytes). The
      // bound only tells "refused at once" from "ran the KDF", with room for a busy PC.
      expect(performance.now() - started, JSON.stringify(params)).toBeLessThan(5000);
    }
  });

  it('a re-hashed header change in an encrypted file is caught by the GCM additional data', async () => {
    const bytes = readFileSync(encFile);
    const file = join(freshDir(), 'swapped-counts.hearthbak');
    writeFileSync(
      file,
      withHeader(bytes, (h) => {
        h.counts = { clients: 1, visits: 1 };
      }),
    );
    expect((await readBackupHeader(file)).counts).toEqual({ clients: 1, visits: 1 });
    await expectRejected(file, 'damaged', PASSPHRASE);

    const cheaper = join(freshDir(), 'cheaper-kdf.hearthbak');
    writeFileSync(
      cheaper,
      withHeader(bytes, (h) => {
        h.encryption = { ...(h.encryption as object), N: 2 ** 10 };
      }),
    );
    // a different cost gives a different key: refused before any byte is decrypted
    expect(await codeOf(extractBackup(cheaper, join(freshDir(), 'x.sqlite'), { passphrase: PASSPHRASE }))).toBe('wrongPassphrase');
  });

  it('newer format versions and foreign ciphers → unsupportedVersion; malformed JSON or fields → damaged', async () => {
    const bytes = readFileSync(plainFile);
    const dir = freshDir();
    const cases: Array<[string, (h: Record<string, unknown>) => unknown, BackupErrorCode]> = [
      ['version 2', (h) => void (h.version = 2), 'unsupportedVersion'],
      ['argon2', (h) => void (h.encryption = { cipher: 'aes-256-gcm', kdf: 'argon2id', N: 1, r: 1, p: 1, salt: '', nonce: '' }), 'unsupportedVersion'],
      ['not JSON', () => '{"format":"hearth-backup",', 'damaged'],
      ['array', () => '[1,2,3]', 'damaged'],
      ['other format', (h) => void (h.format = 'other-app'), 'damaged'],
      ['bad kind', (h) => void (h.kind = 'weekly'), 'damaged'],
      ['negative count', (h) => void (h.counts = { clients: -1 }), 'damaged'],
      ['bad date', (h) => void (h.createdAt = 'yesterday'), 'damaged'],
      ['bad sha', (h) => void (h.payloadSha256 = 'abc'), 'damaged'],
      ['N not a power of two', (h) => void (h.encryption = { cipher: 'aes-256-gcm', kdf: 'scrypt', N: 3000, r: 8, p: 1, salt: randomBytes(16).toString('base64'), nonce: randomBytes(12).toString('base64') }), 'damaged'],
      ['short salt', (h) => void (h.encryption = { cipher: 'aes-256-gcm', kdf: 'scrypt', N: 1024, r: 8, p: 1, salt: randomBytes(8).toString('base64'), nonce: randomBytes(12).toString('base64') }), 'damaged'],
    ];
    for (const [name, edit, code] of cases) {
      const file = join(dir, `${name}.hearthbak`);
      writeFileSync(file, withHeader(bytes, edit));
      expect(await codeOf(readBackupHeader(file)), name).toBe(code);
    }
  });
});

describe('write and extract failures', () => {
  it('target folder missing → io, nothing created', async () => {
    const dir = freshDir();
    const target = join(dir, 'missing', 'backup.hearthbak');
    expect(await codeOf(writeBackup(snapshot, target, headerInput()))).toBe('io');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('target is an existing folder → io, the partial file is removed', async () => {
    const dir = freshDir();
    const target = join(dir, 'backup.hearthbak');
    mkdirSync(target);
    const error = await writeBackup(snapshot, target, headerInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('io');
    expect((error as BackupError).cause).toBeDefined();
    expect(readdirSync(dir)).toEqual(['backup.hearthbak']);
  });

  it('a failed write leaves an existing backup at the target untouched', async () => {
    const dir = freshDir();
    const target = join(dir, 'backup.hearthbak');
    writeFileSync(target, 'old');
    expect(await codeOf(writeBackup(join(dir, 'no-such-snapshot.sqlite'), target, headerInput()))).toBe('io');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['backup.hearthbak']);
  });

  it('bad input (empty snapshot, snapshot is a folder, invalid header, empty passphrase, bad N) → io', async () => {
    const dir = freshDir();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const target = join(dir, 'backup.hearthbak');
    expect(await codeOf(writeBackup(empty, target, headerInput()))).toBe('io');
    expect(await codeOf(writeBackup(dir, target, headerInput()))).toBe('io');
    expect(await codeOf(writeBackup(snapshot, target, headerInput({ counts: { clients: -5 } })))).toBe('io');
    expect(await codeOf(writeBackup(snapshot, target, headerInput({ createdAt: 'today' })))).toBe('io');
    expect(await codeOf(writeBackup(snapshot, target, headerInput(), { passphrase: '' }))).toBe('io');
    expect(await codeOf(writeBackup(snapshot, target, headerInput(), { passphrase: 'x', kdf: { N: 2 ** 30 } }))).toBe('io');
    expect(await codeOf(writeBackup(snapshot, target, headerInput(), { passphrase: 'x', kdf: { N: 3000 } }))).toBe('io');
    expect(readdirSync(dir)).toEqual(['empty.sqlite']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('read-only target folder → io, nothing left', async () => {
    const dir = freshDir();
    chmodSync(dir, 0o555);
    try {
      expect(await codeOf(writeBackup(snapshot, join(dir, 'backup.hearthbak'), headerInput()))).toBe('io');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('extract into a missing folder → io, nothing left', async () => {
    const dir = freshDir();
    expect(await codeOf(extractBackup(plainFile, join(dir, 'missing', 'restored.sqlite')))).toBe('io');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a good extraction replaces an existing file; a failed one leaves it alone', async () => {
    const dir = freshDir();
    const target = join(dir, 'restored.sqlite');
    writeFileSync(target, 'previous');
    expect(await codeOf(extractBackup(encFile, target, { passphrase: 'wrong' }))).toBe('wrongPassphrase');
    expect(readFileSync(target, 'utf8')).toBe('previous');
    await extractBackup(plainFile, target);
    expect(readFileSync(target).equals(snapshotBytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['restored.sqlite']);
  });
});
