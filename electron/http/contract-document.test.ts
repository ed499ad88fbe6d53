import { describe, expect, it } from 'vitest';
import { contractDocument } from './contract-document';

type Schema = { type?: string; format?: string; pattern?: string; enum?: unknown[]; properties?: Record<string, Schema>; anyOf?: Schema[] };

const MONTH_PATTERN = '^(\\d{4})-(0[1-9]|1[0-2])$';
const doc = contractDocument();

function input(call: string): Schema {
  const c = doc.calls.find((x) => x.name === call);
  if (!c) throw new Error(`no call ${call}`);
  return c.input as Schema;
}

/** The schema at a path of property names; a nullable field's non-null branch. */
function at(call: string, ...path: string[]): Schema {
  let node = input(call);
  for (const key of path) {
    const next = node.properties?.[key];
    if (!next) throw new Error(`${call}: no ${path.join('.')}`);
    node = next;
  }
  return node.anyOf?.find((s) => s.type === 'string') ?? node;
}

/** Every string property of every call's input: `call path`, its format and pattern. */
function stringFields(): Array<{ where: string; key: string; format?: string | undefined; pattern?: string | undefined }> {
  const out: Array<{ where: string; key: string; format?: string | undefined; pattern?: string | undefined }> = [];
  const walk = (node: Schema, where: string, key: string) => {
    for (const branch of node.anyOf ?? []) walk(branch, where, key);
    // A choice among fixed words (a merge's "survivor"/"other" for agreementSignedOn) is no date.
    if (node.type === 'string' && node.enum === undefined) out.push({ where, key, format: node.format, pattern: node.pattern });
    for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, `${where}.${k}`, k);
  };
  for (const c of doc.calls) walk(c.input as Schema, c.name, '');
  return out;
}

describe('dates and months in /api/contract.json', () => {
  it('a date field is a string with format "date" (the calls of fault F1 and the others)', () => {
    for (const [call, ...path] of [
      ['privacy.recordConsent', 'givenOn'],
      ['privacy.withdrawConsent', 'withdrawnOn'],
      ['till.cashUp', 'day'],
      ['audit.search', 'from'],
      ['audit.search', 'to'],
      ['requests.list', 'from'],
      ['tasks.create', 'scheduledOn'],
      ['plans.create', 'endsOn'],
      ['cashbook.post', 'date'],
      ['volunteers.create', 'agreementSignedOn'],
    ] as const) {
      expect(at(call, ...path), `${call}.${path.join('.')}`).toMatchObject({ type: 'string', format: 'date' });
    }
  });

  it('a month field is a string with the YYYY-MM pattern (months 01–12)', () => {
    for (const [call, key] of [
      ['cashflow.report', 'from'],
      ['reports.volunteerHours', 'to'],
      ['cashbook.list', 'fromMonth'],
      ['inKind.report', 'toMonth'],
    ] as const) {
      expect(at(call, key), `${call}.${key}`).toMatchObject({ type: 'string', pattern: MONTH_PATTERN });
    }
  });

  it('no date-like field is left as a bare string or a shape-only pattern', () => {
    const dateLike = /(On|Date|^date|^day|^from|^to|^weekStart|Month)$/;
    const offenders = stringFields()
      .filter((f) => dateLike.test(f.key))
      .filter((f) => f.format !== 'date' && f.pattern !== MONTH_PATTERN)
      .map((f) => f.where);
    expect(offenders).toEqual([]);
    // Any pattern that looks like a date is the calendar-checking one (with format "date").
    const shapeOnly = stringFields().filter((f) => f.pattern?.includes('\\d{4}-\\d{2}') && f.format !== 'date' && f.pattern !== MONTH_PATTERN);
    expect(shapeOnly.map((f) => f.where)).toEqual([]);
  });
});
