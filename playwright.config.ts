import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer against the browser-mode host (ARCHITECTURE.md, "Testing").
 *
 * Build the renderer first (`npm run build:renderer`). There is no webServer block: every test
 * starts its own host on a fresh temp data folder through the `hearth` fixture (renderer/e2e/fixtures.ts).
 * Playwright does not download a browser here: Debian's Chromium is used.
 */
export default defineConfig({
  testDir: 'renderer/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
