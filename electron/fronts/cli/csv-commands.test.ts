import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli';

const fixture = (name: string) => new URL(`../../../test/fixtures/csv/${name}`, import.meta.url).pathname;
let home: string;

beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'larder-csv-cli-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, { env: { LARDER_HOME: home }, write: (line) => lines.push(line) });
  return { code, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown> };
}

describe('csv profile', () => {
  it('saves a profile file under its name, lists it, replaces it, and refuses what it cannot use', async () => {
    // The profile sends sales to storage units that must exist first.
    expect(await cli('csv', 'profile', 'save', fixture('kassenexport.profile.json'))).toMatchObject({
      code: 1,
      json: { error: { code: 'storage_unit_not_found', message: 'locations.Mitte: there is no storage unit named "Main Kitchen".' } },
    });
    const units = join(home, 'units.json');
    writeFileSync(units, JSON.stringify({ storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }] }));
    expect((await cli('import', units)).code).toBe(0);

    const saved = await cli('csv', 'profile', 'save', fixture('kassenexport.profile.json'));
    expect(saved).toMatchObject({ code: 0, json: { profile: { name: 'Kassenexport', encoding: 'windows-1252', locations: { Mitte: 'Main Kitchen', Bar: 'Bar Storage' } } } });
    const changed = join(home, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...JSON.parse(readFileSync(fixture('kassenexport.profile.json'), 'utf8')), delimiter: 'auto' }));
    expect((await cli('csv', 'profile', 'save', changed)).json).toMatchObject({ profile: { id: (saved.json.profile as { id: number }).id, delimiter: 'auto' } });
    expect((await cli('csv', 'profile', 'list')).json).toMatchObject({ profiles: [{ name: 'Kassenexport', delimiter: 'auto' }] });

    writeFileSync(changed, JSON.stringify({ name: 'x', rules: [], locations: {}, colour: 'red' }));
    expect(await cli('csv', 'profile', 'save', changed)).toMatchObject({ code: 1, json: { error: { code: 'csv_profile_invalid' } } });
    writeFileSync(changed, '{"name": ');
    expect((await cli('csv', 'profile', 'save', changed)).json).toMatchObject({ error: { code: 'csv_profile_invalid' } });
    expect((await cli('csv', 'profile', 'save', join(home, 'missing.json'))).json).toMatchObject({ error: { code: 'file_unreadable' } });
    expect((await cli('csv', 'profiles')).json).toMatchObject({ error: { code: 'invalid_input' } });
  });
});
