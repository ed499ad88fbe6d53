import { defineConfig } from 'vitest/config';

/**
 * The unit and core tests (`npm run test:unit`). Slow suites (`*.slow.test.ts`: the crash loop
 * with hundreds of kills, the snapshot test with a second writer) run apart with
 * `npm run test:slow` (vitest.slow.config.ts), which CI runs after the fast ones.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'migrations/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/ui/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'renderer/e2e/**', '**/*.slow.test.ts'],
    pool: 'forks',
    // Vitest's 5 s default is a clock: on a busy 2-core PC (CI beside other work) a test that
    // hashes with the production scrypt cost or fills the demo centre passed alone and failed
    // under load. Tests wait for their conditions; these limits only stop a hang. Speed is measured
    // by `npm run bench`, never by a test's time.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
