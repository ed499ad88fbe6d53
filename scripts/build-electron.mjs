// Bundles the Electron main process and the preload into dist-electron/ (CommonJS, as Electron loads them).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'info' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs', external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload.cjs', external: ['electron'] });
