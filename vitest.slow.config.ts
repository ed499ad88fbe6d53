import { defineConfig } from 'vitest/config';

/** The slow suites (`npm run test:slow`): see vitest.config.ts. One at a time: they time things under load. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['electron/**/*.slow.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
