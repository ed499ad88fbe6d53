/**
 * The lint rules that carry architecture (ARCHITECTURE.md: zone boundaries, no raw text in JSX)
 * are tested here against eslint.config.js through ESLint's Node API. The files do not need to
 * exist: `lintText` only uses the path to pick the config.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: fileURLToPath(new URL('../eslint.config.js', import.meta.url)) });
});

/** The rule ids reported for `code` linted as if it were the project file `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return result.messages.map((m) => m.ruleId ?? 'unknown');
}

/** Lints one import of `source` (used, so that no-unused-vars stays quiet). */
async function importErrors(filePath: string, source: string, kind: 'value' | 'type' = 'value') {
  const code =
    kind === 'type'
      ? `import type { X } from '${source}';\nexport type Y = X;\n`
      : `import { x } from '${source}';\nexport const y = x;\n`;
  return (await ruleIds(filePath, code)).filter((id) => id === 'no-restricted-imports');
}

const BLOCKED = ['no-restricted-imports'];

describe('zone boundaries', () => {
  it.each([
    // shared/: runs anywhere.
    ['shared/domain/money.ts', 'electron'],
    ['shared/domain/money.ts', '../../electron/core/db/connect'],
    ['shared/domain/money.ts', '../../renderer/ui/format'],
    ['shared/money.ts', '../electron/http/server'],
    ['shared/domain/money.ts', 'node:path'],
    ['shared/domain/money.ts', 'fs'],
    ['shared/domain/money.ts', 'fs/promises'],
    ['shared/domain/money.ts', 'path'],
    ['shared/domain/money.ts', 'react'],
    ['shared/domain/money.test.ts', '../../electron/core/db/connect'],
    // electron/core and electron/http: plain Node.
    ['electron/core/create-core.ts', 'electron'],
    ['electron/core/create-core.ts', 'electron/main'],
    ['electron/core/features/residents/residents.service.ts', '../../../../renderer/ui/format'],
    ['electron/core/features/residents/residents.service.ts', '../../../main/window'],
    ['electron/core/features/residents/residents.service.ts', '../../../preload/index'],
    ['electron/core/features/residents/residents.service.ts', '../../../../electron/main/window'],
    ['electron/http/server.ts', '../main/ipc'],
    ['electron/http/server.ts', '../../renderer/bridge/http'],
    ['electron/core/db/connect.test.ts', 'electron'],
    // renderer/: DOM only.
    ['renderer/main.tsx', 'electron'],
    ['renderer/main.tsx', '../electron/core/create-core'],
    ['renderer/features/requests/RequestTable.tsx', '../../../electron/core/features/requests/requests.repo'],
    ['renderer/features/requests/deep/x/y/Thing.tsx', '../../../../../../electron/http/server'],
    ['renderer/features/requests/RequestTable.tsx', '../../../migrations/index'],
    ['renderer/bridge/http.ts', 'node:fs'],
    ['renderer/bridge/http.ts', 'path'],
    ['renderer/bridge/http.ts', 'better-sqlite3'],
    ['renderer/bridge/http.ts', 'kysely'],
    ['renderer/bridge/http.ts', '../../../outside'],
    ['renderer/ui/format.test.ts', '../../electron/core/clock'],
    // migrations/: frozen in time.
    ['migrations/20261123_1700_initial_schema.ts', 'zod'],
    ['migrations/20261123_1700_initial_schema.ts', '../shared/domain/money'],
    ['migrations/20261123_1700_initial_schema.ts', './20261120_0900_other'],
    ['migrations/20261123_1700_initial_schema.ts', 'node:fs'],
    ['migrations/index.ts', '../electron/core/db/migrate'],
    ['migrations/index.ts', 'zod'],
    // electron/preload: only 'electron'.
    ['electron/preload/index.ts', 'node:fs'],
    ['electron/preload/index.ts', 'zod'],
    ['electron/preload/index.ts', '../main/window'],
    ['electron/preload/index.ts', '../core/handlers'],
    ['electron/preload/index.ts', '../../shared/api/contract'],
    ['electron/preload/index.ts', '../../renderer/bridge/http'],
    // electron/main: never the renderer's modules.
    ['electron/main/window.ts', '../../renderer/app/App'],
  ])('%s may not import %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual(BLOCKED);
  });

  it.each([
    ['shared/domain/money.ts', './text'],
    ['shared/domain/money.ts', '../api/contract'],
    ['shared/domain/money.ts', 'zod'],
    ['shared/domain/money.test.ts', 'node:fs'],
    ['electron/core/create-core.ts', 'node:path'],
    ['electron/core/create-core.ts', 'better-sqlite3'],
    ['electron/core/create-core.ts', '../../shared/api/contract'],
    ['electron/core/db/migrate.ts', '../../../migrations/index'],
    ['electron/core/features/residents/residents.service.ts', '../../../../shared/domain/residents'],
    ['electron/http/server.ts', '../core/create-core'],
    ['electron/http/server.ts', 'node:http'],
    ['renderer/features/requests/RequestTable.tsx', '../../../shared/domain/requests'],
    ['renderer/features/requests/RequestTable.tsx', '../../ui/DataTable'],
    ['renderer/features/requests/RequestTable.tsx', 'react'],
    // A file named electron inside the renderer is not the electron/ zone.
    ['renderer/bridge/index.ts', './electron'],
    ['renderer/bridge/hosts/pick.ts', '../electron'],
    ['renderer/e2e/residents.spec.ts', 'node:fs'],
    ['renderer/vite.config.ts', 'node:path'],
    ['renderer/ui/format.test.ts', 'node:fs'],
    ['migrations/20261123_1700_initial_schema.ts', 'kysely'],
    ['migrations/index.ts', 'kysely'],
    ['migrations/index.ts', './20261123_1700_initial_schema'],
    ['migrations/migrations.test.ts', '../electron/core/db/migrate'],
    ['migrations/migrations.test.ts', 'better-sqlite3'],
    ['electron/preload/index.ts', 'electron'],
    ['electron/preload/index.ts', './channels'],
    ['electron/main/window.ts', 'electron'],
    ['electron/main/window.ts', '../core/create-core'],
    ['electron/main/window.ts', 'node:path'],
  ])('%s may import %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  it('type-only imports do not get around the boundaries', async () => {
    expect(await importErrors('renderer/app/api.ts', '../../electron/core/handlers', 'type')).toEqual(BLOCKED);
    expect(await importErrors('shared/api/contract.ts', '../../electron/core/context', 'type')).toEqual(BLOCKED);
  });

  it('the preload may import types, and only types, from shared/', async () => {
    expect(await importErrors('electron/preload/index.ts', '../../shared/api/contract', 'type')).toEqual([]);
    expect(await importErrors('electron/preload/index.ts', '../../shared/api/contract', 'value')).toEqual(BLOCKED);
  });

  it('re-exports are checked too', async () => {
    expect(await ruleIds('shared/index.ts', "export * from '../electron/core/context';\n")).toEqual(BLOCKED);
  });
});

describe('no raw text in JSX', () => {
  const component = (jsx: string) =>
    `import { useTranslation } from 'react-i18next';\nexport function C({ busy, n }: { busy: boolean; n: number }) {\n  const { t } = useTranslation();\n  return (${jsx});\n}\n`;
  const screen = 'renderer/features/residents/ResidentCard.tsx';
  const rawText = async (jsx: string, file = screen) =>
    (await ruleIds(file, component(jsx))).filter((id) => id === 'react/jsx-no-literals' || id === 'no-restricted-syntax');

  it.each([
    ['<p>Hello</p>'],
    ['<p>{t("a")} items</p>'],
    ["<p>{'Hello'}</p>"],
    ['<p>{`Hello ${n}`}</p>'],
    ["<p>{busy ? 'Saving…' : t('save')}</p>"],
    ["<p>{busy && 'Saving…'}</p>"],
    ['<>Привет</>'],
    ['<input placeholder="Name" />'],
    ["<input placeholder={'Name'} />"],
    ['<button title="Close" />'],
    ['<img alt="Logo" />'],
    ['<button aria-label="Close" />'],
    ["<button aria-label={busy ? 'Saving' : t('save')} />"],
    ['<input placeholder={`Name ${n}`} />'],
    ['<Field label="Full name" />'],
  ])('flags %s', async (jsx) => {
    expect(await rawText(jsx)).not.toEqual([]);
  });

  it.each([
    ["<p>{t('residents.title')}</p>"],
    ["<p>{t('a')} · {t('b')}</p>"],
    ["<p>{t('a')} — {n}</p>"],
    ["<p>({n})</p>"],
    ['<div className="card" data-testid="resident-card" role="region" />'],
    ["<div className={busy ? 'card busy' : 'card'} />"],
    ["<input type=\"search\" placeholder={t('search.placeholder')} />"],
    ['<input placeholder="0.00" />'],
    ['<img alt="" />'],
    ["<input title={t('a', { count: n })} />"],
    ['<p>\n  {n}\n</p>'],
  ])('allows %s', async (jsx) => {
    expect(await rawText(jsx)).toEqual([]);
  });

  it('does not apply to tests or to the Playwright suite', async () => {
    expect(await rawText('<p>Hello</p>', 'renderer/features/residents/ResidentCard.test.tsx')).toEqual([]);
    expect(await rawText('<p>Hello</p>', 'renderer/e2e/fixtures/Page.tsx')).toEqual([]);
  });
});

describe('TypeScript rules', () => {
  const anyCode = 'export function f(x: any) {\n  return x;\n}\n';
  it('forbids any, except in migrations and tests', async () => {
    expect(await ruleIds('electron/core/x.ts', anyCode)).toContain('@typescript-eslint/no-explicit-any');
    expect(await ruleIds('shared/domain/x.ts', anyCode)).toContain('@typescript-eslint/no-explicit-any');
    expect(await ruleIds('migrations/20261201_1200_x.ts', anyCode)).toEqual([]);
    expect(await ruleIds('electron/core/x.test.ts', anyCode)).toEqual([]);
  });

  it('ignores unused names that start with an underscore', async () => {
    expect(await ruleIds('shared/x.ts', 'export function f(_a: number, b: number) {\n  const _c = 1;\n  return b;\n}\n')).toEqual([]);
    expect(await ruleIds('shared/x.ts', 'export function f(a: number) {\n  const c = 1;\n  return 2;\n}\n')).toEqual([
      '@typescript-eslint/no-unused-vars',
      '@typescript-eslint/no-unused-vars',
    ]);
  });
});
