// A Vitest setup file for `npm run pg:statements`: with LARDER_TRACE_SQL naming a folder, every SQL
// text the engine prepares on SQLite (its own statements and drizzle's) is written there once per
// test process, to be tried on PostgreSQL. SQL a test file prepares itself is left out.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const folder = process.env.LARDER_TRACE_SQL;
if (folder) {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `sql-${process.pid}.jsonl`);
  const seen = new Set<string>();
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function tracedPrepare(this: Database.Database, sql: string) {
    if (!seen.has(sql)) {
      seen.add(sql);
      // Who prepared it: the first frame outside better-sqlite3, drizzle and the store's own wrappers.
      const frames = (new Error().stack ?? '').split('\n').slice(2).filter((frame) => !/node_modules|trace-sql/.test(frame));
      const caller = frames.find((frame) => !frame.includes('open-database.ts') || frame.includes('migrateDatabase')) ?? '';
      if (!/\.test\.ts|test\/support|test\/bench/.test(caller)) appendFileSync(file, `${JSON.stringify({ sql, caller: caller.trim() })}\n`);
    }
    return prepare.call(this, sql) as Database.Statement;
  } as typeof prepare;
}
