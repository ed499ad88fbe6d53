/**
 * "No network traffic at all", statically: the renderer's sources and its built bundle name no
 * server outside this computer. The only http(s) strings allowed in the bundle are inert
 * identifiers that libraries compare or print but never fetch (each listed with its reason); no
 * script, style, font or image is loaded from a URL, and nothing opens a socket or beacon.
 * The CSP (shared/api/security.ts) blocks such loads at run time as well, and the E2E network guard
 * (renderer/e2e/fixtures.ts) checks that no request leaves 127.0.0.1 during the whole suite.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const RENDERER = path.join(ROOT, 'renderer');
const DIST = path.join(ROOT, 'dist', 'renderer');

/** Strings in the bundle that look like URLs but are never requested. */
const INERT_IN_BUNDLE: readonly { prefix: string; why: string }[] = [
  { prefix: 'http://www.w3.org/', why: 'XML namespaces (SVG, XLink, MathML) used by React DOM' },
  { prefix: 'https://json-schema.org/draft/', why: 'zod toJSONSchema $schema identifier' },
  { prefix: 'http://json-schema.org/draft-', why: 'zod toJSONSchema $schema identifier' },
  { prefix: 'https://react.dev/errors/', why: 'text of React production error messages' },
  { prefix: 'https://reactrouter.com/', why: 'text of a React Router warning' },
  { prefix: 'https://react.i18next.com/', why: 'text of a react-i18next warning' },
  { prefix: 'https://github.com/ungap/', why: 'text of a polyfill warning' },
  { prefix: 'http://localhost', why: 'base URL for parsing relative paths (React Router), never fetched' },
  { prefix: 'http://[', why: 'zod IPv6 validation parses `http://[addr]`' },
];

function files(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'e2e') out.push(...files(full, keep));
    } else if (keep(full)) out.push(full);
  }
  return out;
}

const URL_LIKE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>]*/gi;

function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_LIKE)].map((m) => m[0]);
}

describe('no remote URL in the renderer', () => {
  it('index.html, CSS and sources name no server (loopback only in code that builds URLs)', () => {
    const sources = files(RENDERER, (f) => /\.(html|css|tsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of sources) {
      for (const url of urlsIn(readFileSync(file, 'utf8'))) {
        if (!/^https?:\/\/(127\.0\.0\.1|localhost)([:/]|$)/i.test(url)) found.push(`${path.relative(ROOT, file)}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('index.html loads only its own module script, no font, stylesheet or script from elsewhere', () => {
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<(link|script|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/http-equiv=["']?Content-Security-Policy/i);
  });

  it('no CSS pulls anything from a URL (@import, url(http…), web fonts)', () => {
    for (const file of files(RENDERER, (f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      expect(css, file).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//i);
      expect(css, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    }
  });
});

describe.skipIf(!existsSync(path.join(DIST, 'index.html')))('no remote URL in the built bundle (skipped: renderer not built; run npm run build:renderer)', () => {
  const built = existsSync(DIST) ? files(DIST, (f) => /\.(html|css|js|json|svg|webmanifest)$/.test(f)) : [];

  it('has only inert identifiers among its URL-like strings', () => {
    const unexplained: string[] = [];
    let seen = 0;
    for (const file of built) {
      for (const url of urlsIn(readFileSync(file, 'utf8'))) {
        seen += 1;
        if (!INERT_IN_BUNDLE.some((i) => url.startsWith(i.prefix))) unexplained.push(`${path.relative(ROOT, file)}: ${url}`);
      }
    }
    expect(unexplained).toEqual([]);
    // The scan does see URL-like strings (the SVG namespace at least): it is not vacuous.
    expect(seen).toBeGreaterThan(0);
  });

  it('opens no socket, beacon or worker from a URL, and loads no remote script, style or font', () => {
    for (const file of built) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/new WebSocket\(|navigator\.sendBeacon|importScripts\(|new RTCPeerConnection/);
      expect(text, file).not.toMatch(/(src|href)=["']?(https?:)?\/\/(?!www\.w3\.org)/i);
      expect(text, file).not.toMatch(/url\(\s*["']?https?:/i);
      expect(text, file).not.toMatch(/fetch\(\s*[`"']https?:/i);
    }
  });
});
