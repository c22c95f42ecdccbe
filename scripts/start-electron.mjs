// `npm start`: the desktop app. Two things `npm install` deliberately does not do (see .npmrc) happen
// here, once: download Electron's binary, and build better-sqlite3 for Electron's ABI. That build is
// kept in .native/ beside the Node build, so `npm test` and `npm run cli` keep working unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;

function fail(message) {
  console.error(`\nLarder cannot start the desktop app: ${message}\nThe same screens run in a browser with \`npm run web\`.\n`);
  process.exit(1);
}

function ensureElectronBinary() {
  try {
    require('electron');
    return;
  } catch {
    console.error(`Downloading Electron ${electronVersion} (once)…`);
  }
  const install = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
  if (install.status !== 0) fail('the Electron download failed (this machine may have no internet access).');
}

/** node-gyp as npm ships it; npm tells scripts where it is. */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) fail('node-gyp was not found; run `npm start` through npm.');
  return found;
}

function ensureElectronSqlite() {
  const target = join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  if (existsSync(target)) return;
  console.error(`Building better-sqlite3 for Electron ${electronVersion} (about a minute, once)…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, '.native', 'build');
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
  // Without this, the machine's npm config could point node-gyp at Node's own headers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(key)));
  try {
    execFileSync(
      process.execPath,
      [nodeGyp(), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: work, env, stdio: 'inherit' },
    );
  } catch {
    fail('better-sqlite3 could not be built for Electron (headers need internet access, and a C++ toolchain is required).');
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}

ensureElectronBinary();
ensureElectronSqlite();
// The package's exports hide its bin file from require.resolve; its package.json is exported.
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
// `npm run dev` passes `dev` (hot reload); `npm start` builds and runs what a user gets.
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const app = spawnSync(process.execPath, [electronVite, mode], { cwd: root, stdio: 'inherit' });
process.exit(app.status ?? 1);
