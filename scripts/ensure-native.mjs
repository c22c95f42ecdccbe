// `.npmrc` sets ignore-scripts=true so that `npm ci` never runs a dependency's install script
// (electron's would download its binary, which some machines cannot do). The one native module we
// need, better-sqlite3, is therefore built here, on first use, for plain Node.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    return String(error?.message ?? error);
  }
}

const first = loads();
if (first !== true) {
  console.error(`better-sqlite3 is not built for Node ${process.version} yet (${first.split('\n')[0]}); building it (about a minute, once).`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  const second = loads();
  if (second !== true) {
    console.error(`better-sqlite3 still does not load after the rebuild: ${second}`);
    process.exit(1);
  }
}
