/**
 * What may be logged about an exception that broke a screen of the renderer: the error's kind,
 * its message with every value blanked, the pattern of the route it happened on and the names of
 * the components it went through. Never the thrown value itself, the URL (it holds ids), props,
 * or anything the screen was showing.
 *
 * Messages are scrubbed rather than trusted: the JavaScript engine's own messages are fixed
 * English with the offending value in quotes ("Cannot read properties of null (reading 'x')"),
 * and so are ours, so quoted text, numbers, e-mail addresses and words in other alphabets
 * (a Cyrillic, Greek or Polish word in an error message came from someone's data) are blanked.
 *
 * Pure and free of the DOM and of Node, so that the core can run it again on what it receives.
 */

export interface RendererErrorInfo {
  /** `TypeError`, `RangeError`…; `Error` when the name is not a plain identifier, `NonError` when something else was thrown. */
  name: string;
  /** The message with quoted text, numbers, e-mails and non-ASCII words blanked; at most MAX_MESSAGE characters. */
  message: string;
  /** The route pattern as declared (`residents/:id`), or null outside any screen. */
  route: string | null;
  /** Component names from React's component stack, innermost first; no file names or positions. */
  components: string[];
}

export const MAX_MESSAGE = 200;
export const MAX_COMPONENTS = 25;
/** What stands for a blanked value in a message. */
export const BLANK = '…';

/** 'x', "x", `x`, «x», „x“, “x”: values quoted by the engine or by us. */
const QUOTED = /'[^'\n]*'|"[^"\n]*"|`[^`\n]*`|«[^»\n]*»|„[^“”\n]*[“”]|“[^”\n]*”/g;
const EMAIL = /[^\s@]+@[^\s@]+/g;
/** A word with at least one letter outside ASCII (Cyrillic, Greek, Polish diacritics…): it came from someone's data. */
const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}'’-]*[^\p{ASCII}\P{L}][\p{L}\p{M}\p{N}'’-]*/gu;
const DIGITS = /\d+/g;
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,59}$/;
/** A route pattern: path segments, `:param`, `*`. */
const ROUTE = /^[\w\-/:*.]{1,100}$/;
/** One frame of a component stack: `    at ResidentPage (http://…)` (Chromium) or `ResidentPage@http://…` (Firefox, Safari). */
const FRAME = /^\s*(?:at\s+)?(?:new\s+)?([A-Za-z_$][\w$.]{0,79})(?:\s*\(|@|\s*$)/;

/** An error message with every value blanked, on one line, cut to MAX_MESSAGE characters. */
export function scrubMessage(message: string): string {
  const scrubbed = message
    .replace(QUOTED, (q) => `${q[0]}${BLANK}${q[q.length - 1]}`)
    .replace(EMAIL, BLANK)
    .replace(NON_ASCII_WORD, BLANK)
    .replace(DIGITS, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE - 1)}${BLANK}` : scrubbed;
}

/** The component names of a React component stack, innermost first. */
export function componentNames(componentStack: string | null | undefined): string[] {
  if (!componentStack) return [];
  const names: string[] = [];
  for (const line of componentStack.split('\n')) {
    const name = FRAME.exec(line)?.[1];
    if (name && name !== 'at') names.push(name);
    if (names.length === MAX_COMPONENTS) break;
  }
  return names;
}

/** The loggable summary of an exception caught while rendering (see the top of this file). Never throws. */
export function redactRendererError(caught: { error: unknown; componentStack?: string | null | undefined; route: string | null }): RendererErrorInfo {
  let name = 'NonError';
  let message = '';
  if (caught.error instanceof Error) {
    const raw = (() => {
      try {
        return { name: String(caught.error.name), message: String(caught.error.message) };
      } catch {
        return { name: 'Error', message: '' };
      }
    })();
    name = IDENTIFIER.test(raw.name) ? raw.name : 'Error';
    message = scrubMessage(raw.message);
  }
  const route = caught.route !== null && ROUTE.test(caught.route) ? caught.route.replace(DIGITS, '#') : null;
  return { name, message, route, components: componentNames(caught.componentStack) };
}
