// A throwaway PostgreSQL cluster for the tests: its own data directory and port, started and stopped
// by the test that needs it. Debian's binaries (apt-get install postgresql; .ci/run installs it);
// initdb refuses to run as root, so as root the cluster runs as the `postgres` user the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** postgres://… of the cluster's `larder` database. */
  url: string;
  /** A new, empty database of the cluster: its address. */
  database(name: string): string;
  stop(): void;
}

/** The newest Debian PostgreSQL's bin folder, or null when PostgreSQL is not installed. */
export function pgBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  const newest = versions.find((version) => existsSync(join(root, version, 'bin', 'pg_ctl')));
  return newest ? join(root, newest, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: the server syncs its writes to disk as a real one does (the benchmarks); the tests run
 * with fsync off, since a throwaway cluster never outlives a crash.
 */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const bin = pgBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql); .ci/run installs it.');
  const folder = mkdtempSync(join(tmpdir(), 'larder-pg-'));
  const data = join(folder, 'data');
  const root = process.getuid?.() === 0;
  const postgresUid = root ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : null;
  const postgresGid = root ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()) : null;
  if (root) {
    chownSync(folder, postgresUid as number, postgresGid as number);
    chmodSync(folder, 0o700);
  }
  const run = (program: string, args: string[]) => {
    const [command, commandArgs] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(command as string, commandArgs as string[], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'larder', '--auth=trust', '--encoding=UTF8', '--locale=C', '-N']);
  run('pg_ctl', ['-D', data, '-w', '-l', join(folder, 'log'), '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off'}`, 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'larder', 'larder']);
  return {
    url: `postgres://larder@127.0.0.1:${port}/larder`,
    database(name) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'larder', name]);
      return `postgres://larder@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
