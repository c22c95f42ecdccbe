// `npm run pg:statements`: which SQL the engine runs on SQLite PostgreSQL does not read yet, grouped
// by PostgreSQL's reason, from the SQL texts the engine suite prepared (test/support/trace-sql.ts).
// Each is PREPAREd (parsed, its names and types checked, nothing run) on a throwaway cluster holding
// the migrations-pg schema. The worklist of issue 31's PostgreSQL store; prints it, exits 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { startPgCluster } from '../test/support/pg-cluster';

const folder = process.argv[2] ?? 'test-results/sql-trace';
const traced = new Map<string, string>();
for (const name of readdirSync(folder).filter((each) => each.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(folder, name), 'utf8').split('\n').filter(Boolean)) {
    const { sql, caller } = JSON.parse(line) as { sql: string; caller: string };
    // A CSV upload's temporary table is numbered per file: one statement whatever the number.
    traced.set(sql.replace(/csv_external_ids_\d+/g, 'csv_external_ids_1'), caller);
  }
}
// SQLite's own business: its migrations, PRAGMAs and catalogue, and what only a SQLite data folder
// does (backups, the export, the copy to PostgreSQL). PostgreSQL has its own migrations and pg_dump.
const engineSql = [...traced].filter(
  ([sql, caller]) =>
    !/^\s*(PRAGMA|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b|__drizzle_migrations|sqlite_master/i.test(sql) &&
    !/migrateDatabase|core\/backup\/|copy-to-postgres|schemaVersionOf/.test(caller),
);

/** `?` and `@name` parameters, outside quotes, as PostgreSQL's `$n`. */
function numbered(sql: string): string {
  let count = 0;
  const names = new Map<string, number>();
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') out += `$${++count}`;
    else if (c === '@' && /^@\w+/.test(sql.slice(i))) {
      const name = (/^@(\w+)/.exec(sql.slice(i)) as RegExpExecArray)[1] as string;
      if (!names.has(name)) names.set(name, ++count);
      out += `$${names.get(name)}`;
      i += name.length;
    } else out += c;
  }
  return out;
}

const cluster = await startPgCluster();
const client = new pg.Client({ connectionString: cluster.url });
try {
  await client.connect();
  await migrate(drizzle(client), { migrationsFolder: new URL('../electron/core/db/migrations-pg', import.meta.url).pathname });
  const refused = new Map<string, { sql: string; caller: string }[]>();
  for (const [sql, caller] of engineSql) {
    try {
      await client.query(`PREPARE larder_check AS ${numbered(sql)}`);
      await client.query('DEALLOCATE larder_check');
    } catch (error) {
      const reason = (error as Error).message.replace(/"[^"]*"/g, '"…"');
      refused.set(reason, [...(refused.get(reason) ?? []), { sql, caller }]);
    }
  }
  const failing = [...refused.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(`${engineSql.length - failing} of ${engineSql.length} statements the engine prepared also prepare on PostgreSQL; ${failing} do not:`);
  for (const [reason, list] of [...refused].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n${list.length} × ${reason}`);
    for (const { sql, caller } of list) console.log(`  ${sql.replace(/\s+/g, ' ').slice(0, 140)}\n    ${caller}`);
  }
} finally {
  await client.end();
  cluster.stop();
}
