// Type-checks every zone's tsconfig, two at a time, with incremental build info kept in the
// checkout's own .cache/tsc (a re-run after a small change takes seconds, not a minute). Not in
// node_modules: checkouts that share one node_modules (git worktrees) would share the build info
// and a check could pass on another checkout's files.
// Exits non-zero when any zone fails, after printing that zone's errors.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const zones = ['shared', 'node', 'electron', 'renderer', 'e2e'];
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const cache = path.join(root, '.cache', 'tsc');

function check(zone) {
  return new Promise((resolve) => {
    const started = Date.now();
    const args = [tsc, '-p', `tsconfig.${zone}.json`, '--incremental', '--tsBuildInfoFile', path.join(cache, `${zone}.tsbuildinfo`)];
    const child = spawn(process.execPath, args, { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ zone, code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const queue = [...zones];
const results = [];
const workers = Array.from({ length: Math.min(2, availableParallelism(), zones.length) }, async () => {
  for (let zone = queue.shift(); zone; zone = queue.shift()) {
    const r = await check(zone);
    results.push(r);
    console.log(`${r.code === 0 ? 'ok    ' : 'FAILED'} tsconfig.${r.zone}.json (${r.seconds.toFixed(1)} s)`);
    if (r.code !== 0) process.stdout.write(r.out);
  }
});
await Promise.all(workers);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
