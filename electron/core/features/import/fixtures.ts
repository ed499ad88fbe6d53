/**
 * Files as the centres' tools write them, made by the tests and the benchmark (no fixture files
 * are kept): CSV text in any encoding Excel writes, with any separator, quoted as Excel quotes.
 */
import type { Encoding } from './read/decode';
import type { Separator } from './read/table';

const codePageTables = new Map<string, Map<string, number>>();
function codePage(encoding: string): Map<string, number> {
  let table = codePageTables.get(encoding);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(encoding);
    for (let b = 0; b < 256; b++) {
      const ch = decoder.decode(new Uint8Array([b]));
      if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
    }
    codePageTables.set(encoding, table);
  }
  return table;
}

/** Text as bytes in an encoding; `bom` adds the byte-order mark (UTF-16 always has one). */
export function encodeText(text: string, encoding: Encoding, bom = false): Uint8Array {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    if (encoding === 'utf-16be') le.swap16();
    const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    return new Uint8Array([...mark, ...le]);
  }
  const table = codePage(encoding);
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${JSON.stringify(ch)} has no byte in ${encoding}`);
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** One CSV field as Excel writes it: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: Separator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends, as Excel saves them. */
export function csvText(rows: string[][], separator: Separator): string {
  return rows.map((r) => r.map((c) => csvField(c, separator)).join(separator)).join('\r\n') + '\r\n';
}
