import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data folder of the OS, as desktop apps use it: %APPDATA%\Hearth on Windows,
 * ~/Library/Application Support/Hearth on macOS, $XDG_DATA_HOME/hearth (~/.local/share/hearth) on
 * Linux. `--data-dir` and HEARTH_DATA_DIR take precedence (see resolveDataDir).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Hearth');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Hearth');
  const xdg = env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'hearth');
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag.length > 0) return path.resolve(flag);
  if (env.HEARTH_DATA_DIR && env.HEARTH_DATA_DIR.length > 0) return path.resolve(env.HEARTH_DATA_DIR);
  return defaultDataDir(env);
}
