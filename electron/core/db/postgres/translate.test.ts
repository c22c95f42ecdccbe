import { describe, expect, it } from 'vitest';
import { toPostgres } from './translate';

describe('SQLite spellings on the way to PostgreSQL', () => {
  it('numbers ? and @name parameters, leaving strings, quoted names and comments alone', () => {
    expect(toPostgres(`SELECT '?', "a?" FROM t WHERE a = ? AND b = ? -- why?\n`).text).toBe(`SELECT '?', "a?" FROM t WHERE a = $1 AND b = $2 -- why?\n`);
    expect(toPostgres('SELECT * FROM t WHERE a = @unit AND b = @date AND c = @unit')).toEqual({ text: 'SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $1', names: ['unit', 'date'] });
    expect(() => toPostgres('SELECT ? FROM t WHERE a = @unit')).toThrow(/mixes/);
  });

  it('quotes camelCase names, which PostgreSQL would fold to lower case', () => {
    expect(toPostgres('SELECT l.id AS rowId, count(*) AS n FROM t l ORDER BY rowId').text).toBe('SELECT l.id AS "rowId", count(*) AS n FROM t l ORDER BY "rowId"');
  });

  it('reads SQLite JSON functions in PostgreSQL words', () => {
    expect(toPostgres('SELECT 1 FROM t WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))').text).toBe(
      'SELECT 1 FROM t WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST($1 AS json)))',
    );
    expect(toPostgres("SELECT json_group_array(json_object('a', x)) FROM t").text).toBe("SELECT json_agg(json_build_object('a', x)) FROM t");
    expect(toPostgres('SELECT json_array_length(t.names) FROM t').text).toBe('SELECT json_array_length(CAST(t.names AS json)) FROM t');
    expect(toPostgres("SELECT json_extract(t.r, '$.status') AS s FROM t").text).toBe("SELECT json_extract_path_text(CAST(t.r AS json), 'status') AS s FROM t");
  });

  it('lets the database number the ids drizzle leaves null, and writes its timestamp default', () => {
    expect(toPostgres(`insert into "t" ("id", "a", "created_at") values (null, ?, (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), (null, ?, null) returning "id"`).text).toBe(
      `insert into "t" ("id", "a", "created_at") values (DEFAULT, $1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), (DEFAULT, $2, null) returning "id"`,
    );
    expect(toPostgres('insert into "s" ("name", "v") values (?, ?) on conflict ("s"."name") do update set "v" = ?').text).toBe(
      'insert into "s" ("name", "v") values ($1, $2) on conflict ("name") do update set "v" = $3',
    );
  });
});
