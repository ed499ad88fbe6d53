/**
 * Text of a CSV file as Excel and people's tools write it: UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM, and the legacy code pages of the centres' languages (Windows-1251 for ru/uk, 1250 for pl,
 * 1253 for el). Detection: the BOM; then UTF-8 if the bytes are valid UTF-8; then the code page
 * whose decoding reads most like words of its script (Node's TextDecoder with full ICU decodes them).
 * The encoding found is shown to the user, who may override it.
 */
import { ImportProblem } from './problems';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1250', 'windows-1253'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Decoded {
  encoding: Encoding;
  /** How it was found: by its BOM, as valid UTF-8, by the letters of a code page, or as the user said. */
  how: 'bom' | 'utf8' | 'letters' | 'given';
  text: string;
}

function bomOf(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Counts of well-formed multi-byte UTF-8 sequences and of bytes that cannot be UTF-8. */
export function utf8Shape(b: Uint8Array): { multi: number; bad: number } {
  let multi = 0;
  let bad = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < b.length;
    if (ok) for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multi++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return { multi, bad };
}

const POLISH = new Set('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ');
const VOWELS: Record<'windows-1251' | 'windows-1253', RegExp> = {
  'windows-1251': /[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ]/u,
  'windows-1253': /[αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ]/u,
};

/**
 * How much a decoding reads like text of the code page's languages: letters of non-ASCII words of
 * one script, the expected one, in plausible proportion of vowels (Russian decoded as Greek and
 * the reverse turn the commonest vowels into consonants); minus words that mix scripts.
 */
export function letterScore(text: string, encoding: 'windows-1251' | 'windows-1250' | 'windows-1253'): number {
  let good = 0;
  let bad = 0;
  let vowels = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (/^[A-Za-z]+$/.test(w)) continue;
    const cyr = /\p{Script=Cyrillic}/u.test(w);
    const grk = /\p{Script=Greek}/u.test(w);
    const lat = /\p{Script=Latin}/u.test(w);
    const scripts = Number(cyr) + Number(grk) + Number(lat);
    if (scripts !== 1) {
      bad += w.length;
      continue;
    }
    if (encoding === 'windows-1250') {
      if (!lat) bad += w.length;
      else
        for (const ch of w) {
          if (ch.charCodeAt(0) <= 0x7f) continue;
          if (POLISH.has(ch)) good++;
          else bad++;
        }
      continue;
    }
    if ((encoding === 'windows-1251' && !cyr) || (encoding === 'windows-1253' && !grk)) {
      bad += w.length;
      continue;
    }
    good += w.length;
    for (const ch of w) if (VOWELS[encoding].test(ch)) vowels++;
  }
  if (encoding !== 'windows-1250' && good > 0) {
    const ratio = vowels / good;
    if (ratio < 0.28 || ratio > 0.65) good = Math.floor(good / 4);
  }
  return good - bad;
}

export function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  const bom = bomOf(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
}

/** The file's text in the given encoding, or in the one detected. */
export function decodeText(bytes: Uint8Array, given?: Encoding): Decoded {
  if (given) return { encoding: given, how: 'given', text: decodeAs(bytes, given) };
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, how: 'bom', text: decodeAs(bytes, bom.encoding) };
  const shape = utf8Shape(bytes);
  if (shape.bad === 0) return { encoding: 'utf-8', how: 'utf8', text: decodeAs(bytes, 'utf-8') };
  // Some lines written as UTF-8 and others in a code page: no one decoding reads the whole file.
  if (shape.multi >= 2 && shape.multi * 4 >= shape.bad) throw new ImportProblem('importMixedEncoding');
  let best: { encoding: 'windows-1251' | 'windows-1250' | 'windows-1253'; score: number; text: string } | null = null;
  // The first 64 KB tell the code page as well as the whole file.
  const sample = bytes.subarray(0, 64 * 1024);
  for (const encoding of ['windows-1251', 'windows-1250', 'windows-1253'] as const) {
    const score = letterScore(decodeAs(sample, encoding), encoding);
    const text = decodeAs(bytes, encoding);
    if (best === null || score > best.score) best = { encoding, score, text };
  }
  const chosen = best as NonNullable<typeof best>;
  return { encoding: chosen.encoding, how: 'letters', text: chosen.text };
}
