// Bundles the Electron main process, the preload and the long-work thread into dist-electron/
// (CommonJS, as Electron loads them). HEARTH_ELECTRON_OUT picks another folder (tests).
import { build } from 'esbuild';

const out = process.env.HEARTH_ELECTRON_OUT ?? 'dist-electron';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'info',
  // The core finds its TypeScript worker through import.meta.url only when it runs from the
  // sources (tsx); a bundle is given its worker's path instead (electron/main/main.ts).
  define: { 'import.meta.url': 'undefined' },
};
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: `${out}/main.cjs`, external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: `${out}/preload.cjs`, external: ['electron'] });
// The long-work thread (electron/core/work/worker.ts): plain Node, started by main.cjs with
// worker_threads from work-worker.cjs beside it.
await build({ ...common, entryPoints: ['electron/core/work/worker.ts'], outfile: `${out}/work-worker.cjs`, external: ['better-sqlite3'] });
// The results report's second reader (electron/core/features/reports/figures-worker.ts), likewise.
await build({ ...common, entryPoints: ['electron/core/features/reports/figures-worker.ts'], outfile: `${out}/figures-worker.cjs`, external: ['better-sqlite3'] });
