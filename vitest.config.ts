import { defineConfig } from 'vitest/config';

/**
 * The unit and core tests (`npm run test:unit`). Slow suites (`*.slow.test.ts`: the crash loop
 * with hundreds of kills, the snapshot test with a second writer) run apart with
 * `npm run test:slow` (vitest.slow.config.ts), which CI runs after the fast ones.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'migrations/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'renderer/e2e/**', '**/*.slow.test.ts'],
    pool: 'forks',
  },
});
