import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the store lives: --data-dir, else $GOCOFFEE_DRILL_HOME, else the platform's place for
 * application data (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (flag) return flag;
  if (env.GOCOFFEE_DRILL_HOME) return env.GOCOFFEE_DRILL_HOME;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'gocoffee-drill');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'gocoffee-drill');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'gocoffee-drill');
}
