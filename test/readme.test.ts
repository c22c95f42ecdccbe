// The README is a newcomer's first page, read in a clone with nothing beside it: every file it links
// to is in the repository, and it sends no one outside it (to ../shared, which only the team has).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('stands alone: its links resolve inside the repository, and none leaves it', () => {
    expect(readme).not.toMatch(/\.\.\/shared\b/);
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1] as string).filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((target) => !existsSync(new URL(`../${target}`, import.meta.url)))).toEqual([]);
  });
});
