import { describe, expect, it } from 'vitest';
import { componentNames, MAX_COMPONENTS, MAX_MESSAGE, redactRendererError, scrubMessage } from './renderer-error';

/** Data a resident's page shows: none of it may reach a log line. */
const SECRETS = ['Иванова', 'Мария', 'Παπαδόπουλος', 'Ελένη', 'Łukasz', 'Żółć', 'Kowalski', '912', '345-67-89', '2024-13-01', 'maria@example.org', '57'];

function assertClean(text: string) {
  for (const s of SECRETS) expect(text, `"${s}" leaked into: ${text}`).not.toContain(s);
}

/** A component stack as Chromium's React 19 gives it. */
const CHROMIUM_STACK = `
    at ResidentPage (http://127.0.0.1:41234/assets/index-Bx9a.js:12:3456)
    at ScreenBoundaryClass (http://127.0.0.1:41234/assets/index-Bx9a.js:40:12)
    at ScreenBoundary (http://127.0.0.1:41234/assets/index-Bx9a.js:41:7)
    at RenderedRoute (http://127.0.0.1:41234/assets/index-Bx9a.js:9:100)
    at Routes
    at main
    at Layout (http://127.0.0.1:41234/assets/index-Bx9a.js:50:1)`;

describe('scrubMessage', () => {
  it('blanks quoted values and keeps the engine’s words', () => {
    expect(scrubMessage("Cannot read properties of null (reading 'length')")).toBe("Cannot read properties of null (reading '…')");
    expect(scrubMessage('Unexpected token "Иванова Мария" in JSON')).toBe('Unexpected token "…" in JSON');
    expect(scrubMessage('Unknown kind `Kowalski`')).toBe('Unknown kind `…`');
    expect(scrubMessage('Получатель «Иванова» и „Kowalski”')).not.toMatch(/Иванова|Kowalski/);
  });

  it('blanks numbers, dates, phones and e-mail addresses', () => {
    const out = scrubMessage('Resident 57 born 1948, phone +7 912 345-67-89, consent 2024-13-01, mail maria@example.org');
    assertClean(out);
    expect(out).toBe('Resident # born #, phone +# # #-#-#, consent #-#-#, mail …');
  });

  it('blanks words written in other alphabets even without quotes', () => {
    const out = scrubMessage('No plan for Παπαδόπουλος Ελένη or Łukasz Żółć, Иванова-Петрова');
    assertClean(out);
    expect(out).toBe('No plan for … … or … …, …');
  });

  it('keeps a message of fixed words as it is', () => {
    expect(scrubMessage('Invalid time value')).toBe('Invalid time value');
    expect(scrubMessage('items.map is not a function')).toBe('items.map is not a function');
  });

  it('puts the message on one line and cuts it', () => {
    const out = scrubMessage(`first line\n\tsecond ${'x'.repeat(500)}`);
    expect(out).not.toContain('\n');
    expect(out.startsWith('first line second x')).toBe(true);
    expect(out.length).toBe(MAX_MESSAGE);
  });
});

describe('componentNames', () => {
  it('reads names from a Chromium stack without files or positions', () => {
    const names = componentNames(CHROMIUM_STACK);
    expect(names).toEqual(['ResidentPage', 'ScreenBoundaryClass', 'ScreenBoundary', 'RenderedRoute', 'Routes', 'main', 'Layout']);
    expect(names.join(' ')).not.toMatch(/127\.0\.0\.1|assets|\d/);
  });

  it('reads a Firefox/Safari stack and class frames', () => {
    expect(componentNames('ConsentPanel@app://hearth/assets/index.js:3:4\nat new Boundary (x.js:1:1)\n')).toEqual(['ConsentPanel', 'Boundary']);
  });

  it('drops anything that is not a component name, and keeps at most MAX_COMPONENTS', () => {
    expect(componentNames('    at Иванова (x.js:1:1)\n    at <anonymous>\n    at 12 (x)')).toEqual([]);
    expect(componentNames(null)).toEqual([]);
    expect(componentNames(Array.from({ length: 60 }, (_, i) => `    at C${i} (x.js:1:1)`).join('\n'))).toHaveLength(MAX_COMPONENTS);
  });
});

describe('redactRendererError', () => {
  it('keeps the name, the scrubbed message, the route pattern and the component names, nothing else', () => {
    const error = new TypeError("Cannot read properties of null (reading 'Иванова Мария, +7 912 345-67-89')");
    Object.assign(error, { resident: { name: 'Иванова Мария', phone: '+7 912 345-67-89' } });
    const info = redactRendererError({ error, componentStack: CHROMIUM_STACK, route: 'residents/:id' });
    expect(info).toEqual({
      name: 'TypeError',
      message: "Cannot read properties of null (reading '…')",
      route: 'residents/:id',
      components: ['ResidentPage', 'ScreenBoundaryClass', 'ScreenBoundary', 'RenderedRoute', 'Routes', 'main', 'Layout'],
    });
    expect(Object.keys(info).sort()).toEqual(['components', 'message', 'name', 'route']);
    assertClean(JSON.stringify(info));
  });

  it('never logs a thrown value that is not an Error', () => {
    for (const thrown of ['Иванова Мария +7 912 345-67-89', { name: 'Kowalski', message: 'maria@example.org' }, 57, null, undefined]) {
      const info = redactRendererError({ error: thrown, route: 'residents/:id' });
      expect(info).toEqual({ name: 'NonError', message: '', route: 'residents/:id', components: [] });
    }
  });

  it('does not trust an odd error name or a route that is not a pattern', () => {
    const error = new Error('x');
    error.name = 'Мария Иванова';
    expect(redactRendererError({ error, route: '/residents/57?q=Иванова' })).toMatchObject({ name: 'Error', route: null });
    expect(redactRendererError({ error: new RangeError('Invalid time value'), route: 'requests/57' })).toMatchObject({ name: 'RangeError', route: 'requests/#' });
    expect(redactRendererError({ error: new RangeError('Invalid time value'), route: null }).route).toBeNull();
  });

  it('survives an error whose properties throw', () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('Иванова');
      },
    });
    expect(redactRendererError({ error, route: 'settings' })).toEqual({ name: 'Error', message: '', route: 'settings', components: [] });
  });
});
