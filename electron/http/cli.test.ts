/**
 * The command line as an admin's script uses it: demo → backup --to → verify → restore, with the
 * exit codes a script can rely on; and its messages in the user's language.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-'));
const dataDir = path.join(tmp, 'data');
const stick = path.join(tmp, 'usb');

/** The environment without any choice of language, plus `extra`. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['HEARTH_LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  return { ...env, ...extra };
}

function run(passphrase: string, args: string[], language: Record<string, string> = { HEARTH_LANGUAGE: 'en' }) {
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: environment({ HEARTH_BACKUP_PASSPHRASE: passphrase, ...language }),
    // A guard against a hang, not a speed check: a CLI start under tsx takes seconds on a busy PC.
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout, stderr: r.stderr };
}
const hearth = (...args: string[]) => run('Сылва-2026-пароль', args);
/** The CLI with only `language` (an environment variable or none) to choose the language. */
const hearthIn = (language: Record<string, string>, ...args: string[]) => run('', args, language);

/** Every file under `dir` (relative name → SHA-256 of its bytes), to prove a folder did not change. */
function contents(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, under)).sort()) {
    const rel = path.join(under, name);
    if (statSync(path.join(dir, rel)).isDirectory()) Object.assign(out, contents(dir, rel));
    else out[rel] = createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex');
  }
  return out;
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run hearth -- backup / verify / restore', () => {
  it('backs up to a folder, verifies, detects tampering and restores', () => {
    expect(hearth('demo', '--data-dir', dataDir).code).toBe(0);

    const made = hearth('backup', '--to', stick, '--data-dir', dataDir);
    expect(made.code, made.out).toBe(0);
    const file = path.join(stick, readdirSync(stick).find((n) => n.endsWith('.hearthbak')) ?? '');
    expect(made.out).toContain('verified');

    const verified = hearth('verify', file);
    expect(verified.code, verified.out).toBe(0);
    expect(JSON.parse(verified.out).ok).toBe(true);

    const encrypted = hearth('backup', '--to', path.join(tmp, 'usb2'), '--encrypt', '--data-dir', dataDir);
    expect(encrypted.code, encrypted.out).toBe(0);
    const encFile = path.join(tmp, 'usb2', readdirSync(path.join(tmp, 'usb2')).find((n) => n.endsWith('.hearthbak')) ?? '');
    expect(hearth('verify', encFile, '--passphrase-env').code).toBe(0);

    const bytes = readFileSync(file);
    const tampered = path.join(tmp, 'tampered.hearthbak');
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    writeFileSync(tampered, bytes);
    const bad = hearth('verify', tampered);
    expect(bad.code).toBe(1);
    // The report on stdout; the reason, for a person, on stderr.
    expect(JSON.parse(bad.stdout).problem).toBe('damaged');
    expect(bad.stderr.trim()).toBe('hearth: the backup did not pass the check: The backup is damaged, or was changed after it was made.');

    const notBackup = path.join(tmp, 'notes.txt');
    writeFileSync(notBackup, 'просто текст');
    expect(hearth('verify', notBackup).code).toBe(1);

    const restored = hearth('restore', file, '--data-dir', dataDir);
    expect(restored.code, restored.out).toBe(0);
    expect(hearth('restore', tampered, '--data-dir', dataDir).code).toBe(1);
    const info = hearth('info', '--data-dir', dataDir);
    expect(JSON.parse(info.out.slice(info.out.indexOf('{'))).counts.residents).toBe(100);
  }, 600_000);

  it('verify of an intact encrypted backup without its passphrase: structure checked, exit code 3, not 1', () => {
    const dir = path.join(tmp, 'enc-verify');
    expect(hearth('demo', '--data-dir', path.join(dir, 'data')).code).toBe(0);
    const made = hearth('backup', '--to', path.join(dir, 'usb'), '--encrypt', '--data-dir', path.join(dir, 'data'));
    expect(made.code, made.out).toBe(0);
    const file = path.join(dir, 'usb', readdirSync(path.join(dir, 'usb')).find((n) => n.endsWith('.hearthbak')) ?? '');

    const plain = hearth('verify', file);
    expect(plain.code, plain.out).toBe(3);
    expect(plain.stderr).toContain('encrypted: set HEARTH_BACKUP_PASSPHRASE and give --passphrase-env to check the contents');
    const report = JSON.parse(plain.stdout) as { ok: boolean; problem: string; header: { encryption: unknown } };
    expect(report.ok).toBe(false);
    expect(report.problem).toBe('passphraseRequired');
    expect(report.header.encryption).not.toBeNull();

    // Without the key the ciphertext cannot be checked, but a cut-off file still shows as damaged.
    const cut = path.join(dir, 'cut.hearthbak');
    writeFileSync(cut, readFileSync(file).subarray(0, -1));
    expect(hearth('verify', cut).code).toBe(1);

    expect(hearth('verify', file, '--passphrase-env').code).toBe(0);
    expect(run('не тот пароль', ['verify', file, '--passphrase-env']).code).toBe(1);
  }, 600_000);

  it('a refused restore leaves the data folder exactly as it was: no hearth.lock, nothing new in backups/', () => {
    const dir = path.join(tmp, 'refused');
    const data = path.join(dir, 'data');
    expect(hearth('demo', '--data-dir', data).code).toBe(0);
    expect(hearth('backup', '--to', path.join(dir, 'usb'), '--data-dir', data).code).toBe(0);
    expect(hearth('backup', '--to', path.join(dir, 'usb-enc'), '--encrypt', '--data-dir', data).code).toBe(0);
    const good = path.join(dir, 'usb', readdirSync(path.join(dir, 'usb')).find((n) => n.endsWith('.hearthbak')) ?? '');
    const enc = path.join(dir, 'usb-enc', readdirSync(path.join(dir, 'usb-enc')).find((n) => n.endsWith('.hearthbak')) ?? '');

    const bytes = readFileSync(good);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    const damaged = path.join(dir, 'damaged.hearthbak');
    writeFileSync(damaged, bytes);
    const text = path.join(dir, 'notes.hearthbak');
    writeFileSync(text, 'просто текст');

    const before = contents(data);
    expect(Object.keys(before)).toContain('hearth.sqlite');
    expect(Object.keys(before)).not.toContain('hearth.lock');

    const refusals = [
      { what: 'damaged', restore: () => hearth('restore', damaged, '--data-dir', data), code: 'backupDamaged' },
      { what: 'wrong passphrase', restore: () => run('не тот пароль', ['restore', enc, '--data-dir', data]), code: 'wrongPassphrase' },
      { what: 'no passphrase', restore: () => run('', ['restore', enc, '--data-dir', data]), code: 'passphraseRequired' },
      { what: 'not a backup', restore: () => hearth('restore', text, '--data-dir', data), code: 'backupDamaged' },
    ];
    for (const { what, restore, code } of refusals) {
      const r = restore();
      expect(r.code, `${what}: ${r.out}`).toBe(1);
      expect(r.out, what).toContain(`restore refused (${code})`);
      expect(contents(data), what).toEqual(before);
    }

    // The same folder still restores a good backup afterwards (nothing left locked).
    expect(hearth('restore', enc, '--data-dir', data).code).toBe(0);
  }, 600_000);

  it('says why in the user\'s language: --language, else HEARTH_LANGUAGE, else the centre\'s, else LANG; the JSON and exit codes stay the same', () => {
    const dir = path.join(tmp, 'language');
    const notBackup = path.join(dir, 'notes.hearthbak');
    mkdirSync(dir, { recursive: true });
    writeFileSync(notBackup, 'просто текст');

    // restore of a file that is not a backup, with --language ru (and an English LANG that it overrides).
    const ru = hearthIn({ LANG: 'en_GB.UTF-8' }, 'restore', notBackup, '--data-dir', path.join(dir, 'data'), '--language', 'ru');
    expect(ru.code, ru.out).toBe(1);
    expect(ru.stderr.trim()).toBe('hearth: восстановление отменено (backupDamaged): Этот файл — не резервная копия Hearth.');

    // verify of the same file in Polish, from LANG alone; the report on stdout is as before.
    const pl = hearthIn({ LANG: 'pl_PL.UTF-8' }, 'verify', notBackup);
    expect(pl.code, pl.out).toBe(1);
    expect(pl.stderr.trim()).toBe('hearth: kopia zapasowa nie przeszła kontroli: Ten plik nie jest kopią zapasową Hearth.');
    expect(JSON.parse(pl.stdout)).toMatchObject({ ok: false, problem: 'notABackup', detail: 'This file is not a Hearth backup.' });

    // HEARTH_LANGUAGE before LANG (and LC_ALL before LANG); English when nothing says otherwise.
    expect(hearthIn({ HEARTH_LANGUAGE: 'uk', LANG: 'pl_PL.UTF-8' }, 'verify', notBackup).stderr).toContain('резервна копія не пройшла перевірку: Цей файл — не резервна копія Hearth.');
    expect(hearthIn({ LC_ALL: 'el_GR.UTF-8', LANG: 'pl_PL.UTF-8' }, 'verify', notBackup).stderr).toContain('το αντίγραφο ασφαλείας απέτυχε στον έλεγχο: Αυτό το αρχείο δεν είναι αντίγραφο ασφαλείας του Hearth.');
    expect(hearthIn({ LANG: 'C.UTF-8' }, 'verify', notBackup).stderr.trim()).toBe('hearth: the backup did not pass the check: This file is not a Hearth backup.');

    // A language Hearth does not have is refused, in the language there is.
    const de = hearthIn({ LANG: 'pl_PL.UTF-8' }, 'verify', notBackup, '--language', 'de');
    expect(de.code).toBe(1);
    expect(de.stderr.trim()).toBe('hearth: --language musi być jednym z: en, ru, uk, pl, el, a nie „de”');

    // Once a database is open, the centre's language (the demo centre speaks Greek) before LANG.
    const data = path.join(dir, 'greek');
    expect(hearth('demo', '--data-dir', data, '--language', 'el').code).toBe(0);
    const audit = hearthIn({ LANG: 'pl_PL.UTF-8' }, 'audit', 'verify', '--data-dir', data);
    expect(audit.code, audit.out).toBe(0);
    expect(audit.stdout).toMatch(/^OK: οι εγγραφές του ημερολογίου ενεργειών \(\d+\) σχηματίζουν αδιάσπαστη αλυσίδα$/m);
    expect(hearthIn({ LANG: 'pl_PL.UTF-8' }, 'audit', 'verify', '--data-dir', data, '--language', 'pl').stdout).toMatch(/^OK: wpisy dziennika działań/m);
  }, 600_000);
});
