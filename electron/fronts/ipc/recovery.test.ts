import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../core/backup/startup';
import { createNodePlatform } from '../../core/platform/node-platform';
import { createRecoveryDispatch, recoveryProblemOf } from './recovery';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a database server that does not answer at start', () => {
  it('is a recovery problem naming the server without its password, whose way out is trying again or this computer’s database', async () => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'larder-recovery-'));
    folders.push(dataFolder);
    const platform = createNodePlatform({ dataFolder, env: {} });
    // Port 1 answers nothing: the server is down.
    platform.settings.set('databaseServer', { address: 'postgres://larder@127.0.0.1:1/larder', sealedPassword: null });
    const failure = await startEngine(platform, 'cli').then(
      () => null,
      (error: unknown) => error,
    );
    const problem = recoveryProblemOf(platform, failure);
    expect(problem).toMatchObject({ code: 'database_unreachable', path: 'postgres://larder@127.0.0.1:1/larder' });
    expect(recoveryProblemOf(platform, new Error('a bug'))).toBeNull();

    let restarts = 0;
    const dispatch = createRecoveryDispatch(platform, problem!, async () => {
      restarts++;
    });
    expect(await dispatch('recovery:status', {})).toEqual({ ok: true, data: { problem, backups: [] } });
    expect(await dispatch('ingredients:list', {})).toMatchObject({ ok: false, error: { code: 'database_unreachable' } });
    // No file to restore over: a restore is not a way out of a server that is down.
    expect(await dispatch('recovery:restore', { file: 'larder-backup-2026-12-07T010203456Z-daily.db' })).toMatchObject({ ok: false, error: { code: 'database_unreachable' } });
    expect(await dispatch('database:choice', {})).toMatchObject({ ok: true, data: { next_start: { store: 'postgres', set_by: 'settings' } } });

    expect(await dispatch('recovery:retry', {})).toEqual({ ok: true, data: { restarting: true } });
    expect(restarts).toBe(1);
    expect(await dispatch('database:use-data-folder', {})).toMatchObject({ ok: true, data: { store: 'sqlite', set_by: 'default' } });
    expect(restarts).toBe(2);
    expect(platform.settings.get('databaseServer')).toBeNull();
  });
});
