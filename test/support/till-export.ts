import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

/** The modifiers of the export's `Extras` column, two or three to a row at most. */
export const TILL_MODIFIERS = ['Extra Käse', 'Ohne Zwiebel', 'Hafermilch', 'Groß', 'Klein', 'Scharf', 'Extra Speck', 'Glutenfrei'];

/**
 * A German till's export of `rows` rows, as test/fixtures/csv/kassenexport.profile.json reads it:
 * Windows-1252, `;`, decimal commas, DD.MM.YYYY over 30 days of April 2026, two locations, `codes`
 * codes from 1000 (every 13th cell holds two, joined by +), a receipt id per row, and an `Extras`
 * column of comma-separated modifiers (empty on every third row). Written to `path`.
 */
export function writeTillExport(path: string, rows: number, codes: number): void {
  const lines = ['Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz;Extras'];
  for (let row = 0; row < rows; row++) {
    const code = 1000 + ((row * 7919) % codes);
    const day = 1 + (row % 30);
    const both = row % 13 === 0;
    const quantity = row % 5 === 0 ? '0,5' : String(1 + (row % 3));
    const extras = Array.from({ length: row % 3 }, (_, n) => TILL_MODIFIERS[(row + n * 3) % TILL_MODIFIERS.length]).join(', ');
    lines.push(
      `B${row}-1;${String(day).padStart(2, '0')}.04.2026;${row % 3 === 0 ? 'Bar' : 'Mitte'};${both ? `${code}+${code + 1}` : code};Gericht Nr. ${code} mit Käse;${quantity};${(12.9 + (row % 40)).toFixed(2).replace('.', ',')};${extras}`,
    );
  }
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252'));
}
