// `npm start`: the Electron app where the Electron binary exists; otherwise browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));

function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const rest = process.argv.slice(2);
if (electron) {
  const build = spawn(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  build.on('exit', (code) => (code === 0 ? run(electron, ['.', ...rest]) : process.exit(code ?? 1)));
} else {
  console.log('The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD), so Hearth starts in browser mode.');
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/http/cli.ts', 'serve', ...rest]);
}
