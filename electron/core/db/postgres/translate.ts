// The engine writes its SQL once, in the words both databases read (issue 31; `npm run pg:statements`
// lists what PostgreSQL refuses). What cannot be written once is translated here, on the way to
// PostgreSQL, from the few SQLite spellings the engine and drizzle's SQLite builder use:
// - parameters: `?` and `@name` become `$1…`;
// - camelCase names (the engine's aliases, `AS rowId`) are quoted, or PostgreSQL folds them to `rowid`;
// - JSON: `json_each(?)` is `json_array_elements_text(?::json)` (its column is also `value`),
//   `json_group_array` is `json_agg`, `json_object` is `json_build_object`, and
//   `json_array_length(x)` reads x as json (the column is text on both), and `json_extract(x, '$.a')`
//   is `json_extract_path_text(x::json, 'a')` (the engine reads text members only);
// - the `created_at` default drizzle writes inline, and the `null` drizzle writes for an id the
//   database is to number, which on PostgreSQL is DEFAULT;
// - drizzle's `on conflict ("table"."column")`, where PostgreSQL takes the bare column names.
// Strings, quoted names and comments pass through untouched.

export interface Translated {
  text: string;
  /** Names of `@name` parameters, by number ($1 is names[0]); empty when the parameters are positional. */
  names: string[];
}

/** SQLite's ISO timestamp default, as drizzle writes it into an insert, and PostgreSQL's same text. */
const SQLITE_NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const POSTGRES_NOW = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const RENAMED: Record<string, string> = { json_group_array: 'json_agg', json_object: 'json_build_object' };

type Token = { kind: 'word' | 'quoted' | 'string' | 'param' | 'named' | 'other'; text: string };

function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  const push = (kind: Token['kind'], end: number) => {
    out.push({ kind, text: sql.slice(at, end) });
    at = end;
  };
  while (at < sql.length) {
    const char = sql[at] as string;
    if (char === "'" || char === '"') {
      let end = at + 1;
      for (;;) {
        end = sql.indexOf(char, end);
        if (end === -1) throw new Error(`Unterminated ${char} in SQL: ${sql}`);
        if (sql[end + 1] === char) end += 2;
        else break;
      }
      push(char === "'" ? 'string' : 'quoted', end + 1);
    } else if (char === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at);
      push('other', end === -1 ? sql.length : end);
    } else if (char === '?') {
      push('param', at + 1);
    } else if (char === '@' && /[A-Za-z_]/.test(sql[at + 1] ?? '')) {
      push('named', at + 1 + /^[A-Za-z_0-9]*/.exec(sql.slice(at + 1))![0].length);
    } else if (/[A-Za-z_]/.test(char)) {
      push('word', at + /^[A-Za-z_0-9$]*/.exec(sql.slice(at))![0].length);
    } else {
      push('other', at + 1);
    }
  }
  return out;
}

/** The index of the token closing the parenthesis opened at `open`. */
function closing(list: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < list.length; index++) {
    const text = list[index]!.text;
    if (list[index]!.kind !== 'other') continue;
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return index;
  }
  throw new Error('Unbalanced parentheses in SQL');
}

/** The comma between a call's first and second arguments. */
function topLevelComma(list: Token[], open: number, end: number): number {
  let depth = 0;
  for (let index = open + 1; index < end; index++) {
    const text = list[index]!.kind === 'other' ? list[index]!.text : '';
    if (text === '(') depth++;
    else if (text === ')') depth--;
    else if (text === ',' && depth === 0) return index;
  }
  throw new Error('A call without a second argument');
}

/** The next token that is not white space. */
function next(list: Token[], from: number): number {
  let index = from;
  while (index < list.length && list[index]!.kind === 'other' && /^\s$/.test(list[index]!.text)) index++;
  return index;
}

export function toPostgres(sql: string): Translated {
  const list = tokens(sql.split(SQLITE_NOW).join(POSTGRES_NOW));
  const names: string[] = [];
  let positional = 0;
  const insertOfIds = /^\s*insert\s+into\s+"\w+"\s+\("id",/i.test(sql);
  for (let index = 0; index < list.length; index++) {
    const token = list[index]!;
    if (token.kind === 'param') token.text = `$${++positional}`;
    else if (token.kind === 'named') {
      const name = token.text.slice(1);
      const number = names.indexOf(name) + 1 || names.push(name);
      token.text = `$${number}`;
    } else if (token.kind === 'word' && token.text.toLowerCase() === 'conflict' && list[next(list, index + 1)]?.text === '(') {
      const open = next(list, index + 1);
      const end = closing(list, open);
      for (let inner = open + 1; inner < end; inner++) {
        if (list[inner]!.kind === 'quoted' && list[inner + 1]?.text === '.') list[inner]!.text = list[inner + 1]!.text = '';
      }
    } else if (token.kind === 'word') {
      const open = next(list, index + 1);
      const call = list[open]?.text === '(';
      const lower = token.text.toLowerCase();
      if (call && lower in RENAMED) token.text = RENAMED[lower] as string;
      else if (call && lower === 'json_each') {
        token.text = 'json_array_elements_text';
        const end = closing(list, open);
        list[open]!.text = '(CAST(';
        list[end]!.text = ' AS json))';
      } else if (call && lower === 'json_extract') {
        // json_extract(x, '$.a.b') → json_extract_path_text(CAST(x AS json), 'a', 'b')
        token.text = 'json_extract_path_text';
        const end = closing(list, open);
        const comma = topLevelComma(list, open, end);
        const path = list[next(list, comma + 1)]!;
        if (path.kind !== 'string' || !path.text.startsWith("'$.")) throw new Error(`json_extract takes a literal '$.member' path here: ${sql}`);
        list[open]!.text = '(CAST(';
        list[comma]!.text = ' AS json),';
        path.text = `'${path.text.slice(3, -1).split('.').join("', '")}'`;
      } else if (call && lower === 'json_array_length') {
        const end = closing(list, open);
        list[open]!.text = '(CAST(';
        list[end]!.text = ' AS json))';
      } else if (!call && /[a-z]/.test(token.text) && /[A-Z]/.test(token.text)) token.text = `"${token.text}"`;
    } else if (insertOfIds && token.text === '(' && list[index - 1] && /\bvalues\s*$|,\s*$/i.test(precedingText(list, index))) {
      // Each row of `values (null, …), (null, …)`: the leading null is the id left to the database.
      const first = next(list, index + 1);
      if (list[first]?.kind === 'word' && list[first]!.text.toLowerCase() === 'null') list[first]!.text = 'DEFAULT';
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`SQL mixes ? and @name parameters: ${sql}`);
  return { text: list.map((token) => token.text).join(''), names };
}

/** The text of the few tokens before `index`, enough to see `values (` or `), (`. */
function precedingText(list: Token[], index: number): string {
  let text = '';
  for (let back = index - 1; back >= 0 && text.length < 12; back--) text = list[back]!.text + text;
  return text;
}
