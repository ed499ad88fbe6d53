/**
 * Words of the import wizard that come from lists in shared/domain/imports.ts: a kind of list, a
 * field, an encoding, a separator. A kind or field added there shows at once, by its own name until
 * it has a translation (`imports:fields.<field>`).
 */
import type { TFunction } from 'i18next';
import { IMPORT_ENCODINGS, IMPORT_FIELDS, IMPORT_SEPARATORS, type ImportKind } from '../../../shared/domain/imports';

export type Encoding = (typeof IMPORT_ENCODINGS)[number];
export type Separator = (typeof IMPORT_SEPARATORS)[number];

/** The separators by a word-safe name (a tab or a semicolon cannot be an i18n key). */
export const SEPARATOR_NAMES: Record<Separator, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

export function kindLabel(t: TFunction, kind: string): string {
  return t(`imports:kinds.${kind}`, { defaultValue: kind });
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`imports:fields.${field}`, { defaultValue: field });
}

export function fieldsOf(kind: ImportKind): readonly string[] {
  return IMPORT_FIELDS[kind];
}

export function encodingLabel(t: TFunction, encoding: string): string {
  return t(`imports:encodings.${encoding}`, { defaultValue: encoding });
}

export function separatorLabel(t: TFunction, separator: Separator): string {
  return t(`imports:separators.${SEPARATOR_NAMES[separator]}`);
}

/** A file's bytes as base64, read in the renderer (the core takes the file as base64). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves base64 content as a file through the browser's download (the rejected rows' sheet). */
export function saveBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
