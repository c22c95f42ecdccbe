import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pgBinaries, startPgCluster, type PgCluster } from '../../../test/support/pg-cluster';
import { runCliIn } from '../../../test/support/run-cli';
import { createEngine } from '../../core/engine';
import { createNodePlatform } from '../../core/platform/node-platform';
import { createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';

const available = pgBinaries() !== null || process.env.CI !== undefined;

// The throwaway cluster trusts every sign-in: any password opens it, so what is tested here is where
// the password goes (sealed in settings.json, never in the clear), not PostgreSQL's own check of it.
describe.runIf(available)('choosing a PostgreSQL server (Settings → Database, db server)', () => {
  let cluster: PgCluster;
  let home: string;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'larder-server-choice-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const cli = (args: string[], input: string | null = null, env: Record<string, string> = {}) => runCliIn({ LARDER_HOME: home, ...env }, ['db', 'server', ...args], input);
  const settingsText = () => readFileSync(join(home, 'settings.json'), 'utf8');

  it('keeps the address without its password and the password sealed; every front then opens the server', async () => {
    expect((await cli([])).json).toEqual({ database: { store: 'sqlite', address: null, password_sealed: false, set_by: 'default', file: join(home, 'larder.db') } });
    const address = cluster.database(`choice_${++databases}`);
    const chosen = await cli(['set', address, '--password', '-'], 'Corr3ct horse');
    expect(chosen.json).toEqual({ database: { store: 'postgres', address, password_sealed: true, set_by: 'settings', file: null } });
    expect(settingsText()).not.toContain('Corr3ct horse');
    expect(settingsText()).toContain(address);
    expect((await cli([])).json).toMatchObject({ database: { store: 'postgres', address, password_sealed: true } });

    const engine = await createEngine(createNodePlatform({ env: { LARDER_HOME: home } }), 'cli');
    try {
      expect(engine.db.kind).toBe('postgres');
      // The password is among what the log redacts.
      engine.log.info('signed in with Corr3ct horse');
      expect(readFileSync(join(home, 'larder.log'), 'utf8')).not.toContain('Corr3ct horse');
      const dispatch = createDispatch(createHandlers(engine));
      const answer = await dispatch('database:choice', {});
      expect(answer).toEqual({ ok: true, data: { running: chosen.json.database, next_start: chosen.json.database } });
      expect(JSON.stringify(answer)).not.toContain(JSON.parse(settingsText()).databaseServer.sealedPassword.sealed);
    } finally {
      engine.close();
    }

    // LARDER_DATABASE_URL wins, and says so.
    expect((await cli([], null, { LARDER_DATABASE_URL: address.replace('larder@', 'larder:hidden@') })).json).toEqual({
      database: { store: 'postgres', address: address.replace('larder@', 'larder:…@'), password_sealed: false, set_by: 'environment', file: null },
    });
    expect((await cli(['clear'])).json).toMatchObject({ database: { store: 'sqlite', set_by: 'default' } });
    expect(JSON.parse(settingsText())).toMatchObject({ databaseServer: null });
  });

  it('refuses an address it cannot use, and keeps the choice it had', async () => {
    const address = cluster.database(`choice_${++databases}`);
    await cli(['set', address], '');
    expect((await cli(['set', 'mysql://larder@db/larder'])).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await cli(['set', 'postgres://larder@127.0.0.1:1/larder'])).json).toMatchObject({ error: { code: 'database_unreachable' } });
    expect((await cli([])).json).toMatchObject({ database: { address, password_sealed: false } });
  });

  it('asks for the password again when it was sealed on another computer', async () => {
    const address = cluster.database(`choice_${++databases}`);
    await cli(['set', address, '--password', '-'], 'secret');
    const settings = JSON.parse(settingsText()) as { databaseServer: { sealedPassword: { backend: string } } };
    settings.databaseServer.sealedPassword.backend = 'another-pc';
    writeFileSync(join(home, 'settings.json'), JSON.stringify(settings));
    const refused = await runCliIn({ LARDER_HOME: home }, ['locations', 'list']);
    expect(refused.json).toMatchObject({ error: { code: 'database_unreachable', message: expect.stringContaining('Enter it again') } });
  });
});
