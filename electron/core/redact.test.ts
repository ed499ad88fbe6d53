import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { formatLogLine, redactingLogger } from './logger';
import { isSensitiveKey, redact, REDACTED, scrubText } from './redact';

/** Personal data that must never appear in a log line. */
const NAMES = ['Иванова', 'Мария', 'Петровна', 'Олександр', 'Ковальчук', 'Παπαδόπουλος', 'Ελένη', 'Łukasz', 'Żółć', 'Ołena'];
const PHONES = [
  '+7 (912) 345-67-89',
  '8 912 345 67 89',
  '89123456789',
  '+7-912-345-67-89',
  '+380 67 123 4567',
  '+380671234567',
  '(044) 123-45-67',
  '+48 601 234 567',
  '601-234-567',
  '+30 694 123 4567',
  '210 123 4567',
  '23-45-67',
  '20123456',
];

function assertClean(line: string, secrets: string[]) {
  for (const s of secrets) expect(line, `"${s}" leaked into: ${line}`).not.toContain(s);
  // No phone digits survive either (a run of 5+ digits with or without separators).
  for (const p of PHONES) expect(line).not.toContain(p.replace(/\D/g, '').slice(-5));
}

describe('structured fields', () => {
  it('redacts sensitive keys whatever their value, at any depth', () => {
    const out = redact({
      call: 'residents.create',
      input: {
        lastName: 'Иванова',
        firstName: 'Мария',
        patronymic: 'Петровна',
        phones: ['+7 (912) 345-67-89'],
        address: { settlement: 'Сылва', street: 'Ленина', house: '5', flat: '12' },
        healthNeeds: 'диабет',
        notes: 'живёт одна',
        kind: 'firewood',
        urgency: 2,
      },
      entry: { counterparty: 'ООО «Лес»', description: 'Дрова для Ивановой', amountMinor: 150000, currency: 'RUB' },
    }) as { call: string; input: Record<string, unknown>; entry: Record<string, unknown> };
    expect(out.call).toBe('residents.create');
    expect(out.input).toEqual({
      lastName: REDACTED,
      firstName: REDACTED,
      patronymic: REDACTED,
      phones: REDACTED,
      address: REDACTED,
      healthNeeds: REDACTED,
      notes: REDACTED,
      kind: 'firewood',
      urgency: 2,
    });
    expect(out.entry).toEqual({ counterparty: REDACTED, description: REDACTED, amountMinor: 150000, currency: 'RUB' });
  });

  it('knows the sensitive keys in every spelling', () => {
    for (const key of ['name', 'fullName', 'full_name', 'residentName', 'last-name', 'PHONE', 'contactPhone', 'homeAddress', 'street', 'house', 'flat', 'caseNotes', 'healthNeeds', 'health_needs', 'description', 'counterparty', 'email', 'passphrase', 'pin', 'token', 'q']) {
      expect(isSensitiveKey(key), key).toBe(true);
    }
    for (const key of ['call', 'kind', 'urgency', 'status', 'id', 'count', 'applied', 'currency', 'amountMinor', 'file', 'from', 'table']) {
      expect(isSensitiveKey(key), key).toBe(false);
    }
  });

  it('keeps ids under person keys but hides names written in Latin letters', () => {
    expect(redact({ user: 3, by: 1, resident: 17 })).toEqual({ user: 3, by: 1, resident: 17 });
    expect(redact({ user: 'Anna Nowak', by: 'admin', resident: 'Jan Kowalski' })).toEqual({ user: REDACTED, by: REDACTED, resident: REDACTED });
  });

  it('survives cycles, errors, deep nesting and odd values', () => {
    const a: Record<string, unknown> = { kind: 'x' };
    a.self = a;
    const out = redact({ a, fn: () => 1, deep: { b: { c: { d: { e: { f: { g: { h: 'Иванова' } } } } } } }, err: new Error('Иванова +7 912 345 67 89') });
    const line = JSON.stringify(out);
    expect(line).toContain('[circular]');
    assertClean(line, ['Иванова']);
  });
});

describe('free text', () => {
  it('scrubs names in Cyrillic, Greek and Polish letters', () => {
    for (const name of NAMES) {
      const out = scrubText(`resident ${name} not found`);
      expect(out).toBe(`resident ${REDACTED} not found`);
    }
    expect(scrubText('Παπαδόπουλος Ελένη, Σταδίου 5')).not.toMatch(/[Α-Ωα-ωά-ώ]/);
  });

  it('scrubs phones in every local format', () => {
    for (const phone of PHONES) {
      const out = scrubText(`call ${phone} today`);
      expect(out, phone).toBe('call [phone] today');
    }
  });

  it('scrubs e-mails and quoted values', () => {
    expect(scrubText('sent to jan.kowalski@example.pl')).toBe('sent to [email]');
    expect(scrubText('sent to олена@приклад.укр')).toBe('sent to [email]');
    expect(scrubText(`CHECK constraint failed: 'Nowak'`)).toBe(`CHECK constraint failed: '${REDACTED}'`);
  });

  it('leaves our own words, dates, times, ids and file names alone', () => {
    for (const text of [
      'call failed: UNIQUE constraint failed: residents.phone',
      'backup made /data/backups/hearth-2026-11-23T19-50-00Z.hearthbak',
      'backup made /tmp/hl/backups/hearth-20261123-201722-auto.hearthbak',
      'migrated 20261123_1900_money',
      'due 2026-11-23 at 19:50, or 23.11.2026',
      'request 1234 moved to done',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
  });
});

describe('SQLite error messages that echo values', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE residents (id INTEGER PRIMARY KEY, last_name TEXT NOT NULL, phone TEXT UNIQUE CHECK (length(phone) < 30))");
  db.exec("CREATE TRIGGER no_dupes BEFORE INSERT ON residents WHEN NEW.last_name = 'Ковальчук' BEGIN SELECT RAISE(ABORT, 'duplicate Ковальчук +380 67 123 4567'); END");

  function sqliteError(sql: string): string {
    try {
      db.exec(sql);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`no error from ${sql}`);
  }

  it('are scrubbed of names and phones', () => {
    const cases = [
      { sql: 'SELECT * FROM residents WHERE last_name = "Иванова"', secrets: ['Иванова'] },
      { sql: 'SELECT * FROM residents WHERE last_name = Nowak', secrets: ['Nowak'] },
      { sql: "INSERT INTO residents (last_name) VALUES ('Ковальчук')", secrets: ['Ковальчук', '123 4567'] },
      { sql: "SELECT Παπαδόπουλος FROM residents", secrets: ['Παπαδόπουλος'] },
      { sql: "INSERT INTO residents (last_name phone) VALUES ('Żółć')", secrets: ['Żółć'] },
    ];
    for (const { sql, secrets } of cases) {
      const message = sqliteError(sql);
      // The raw message does echo the value: that is what the scrubbing is for.
      expect(secrets.some((s) => message.includes(s)) || message.includes('phone'), message).toBe(true);
      const line = formatLogLine('error', 'call failed', { call: 'residents.create', error: message });
      assertClean(line, secrets);
    }
  });
});

describe('the logger', () => {
  it('writes nothing personal, whatever it is given', () => {
    const lines: string[] = [];
    const logger = redactingLogger((_level, line) => lines.push(line));
    logger.info('resident Иванова Мария Петровна called from +7 (912) 345-67-89', { name: 'Ελένη Παπαδοπούλου', phone: '+30 694 123 4567' });
    logger.warn('address Σταδίου 5, Αθήνα', { address: 'ул. Ленина, д. 5, кв. 12', residentId: 17 });
    logger.error('call failed', { call: 'residents.update', error: new Error('no such column: Ołena') });
    const text = lines.join('\n');
    assertClean(text, [...NAMES, 'Ленина', 'Σταδίου', 'Αθήνα', 'Παπαδοπούλου', 'Ołena']);
    expect(text).toContain('"residentId":17');
    expect(text).toContain('residents.update');
    expect(lines).toHaveLength(3);
  });
});
