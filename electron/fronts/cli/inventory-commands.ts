import { z } from 'zod';
import { dateInput } from '../../../shared/dates';
import { DomainError } from '../../core/domain-error';
import { importSetupFile } from '../../core/setup/setup-import';
import { findStorageUnitByName } from '../../core/inventory/storage-units';
import { removeIngredientUnit, saveIngredientUnit, unitBook } from '../../core/inventory/units';
import { ingredientId } from '../../core/stock/stock-inputs';
import { recipeCost } from '../../core/reports/plate-cost';
import { dateInZone } from '../../core/time/zoned-time';
import { ledgerEntryLines, listLedgerEntries, stockOnHand, type LedgerEntryView } from '../../core/ledger/ledger';
import type { Engine } from '../../core/engine';
import { ledgerEntryTypes } from '../../core/db/schema';
import { optionValue, parseCommandArgs, readFileArgument } from './args';
import type { Command } from './command';

const importUsage = 'import <setup-file.json>';
const ingredientUsage = 'ingredient units <ingredient> | ingredient unit add <ingredient> <name> <factor> | ingredient unit remove <ingredient> <name>';
const recipeUsage = 'recipe cost <recipe> [--date DATE]';
const stockUsage = 'stock [--storage-unit NAME]';
const ledgerUsage = 'ledger [--location BLID] [--from DATE] [--to DATE] [--type RECEIPT|ISSUE|WASTE|COUNT|ADJUSTMENT] | ledger show <entry id>';

/** An entry as `ledger` lists it and `ledger show` heads its lines. */
const entryJson = (entry: LedgerEntryView) => ({
  id: entry.id,
  type: entry.type,
  date: entry.date,
  ingredient: entry.ingredient,
  storageUnit: entry.storageUnit,
  quantity: entry.quantity,
  unitCost: entry.unitCost,
  value: entry.value,
  businessLocationId: entry.businessLocationId,
  salesLines: entry.salesLines,
  transferLogId: entry.transferLogId,
});

async function showEntry(engine: Engine, positionals: string[]) {
  const [, id, ...rest] = positionals;
  if (!id || rest.length > 0 || !/^[1-9]\d{0,15}$/.test(id)) throw new DomainError('invalid_input', `Usage: ${ledgerUsage}`);
  const shown = await ledgerEntryLines(engine.scope, Number(id));
  return {
    entry: entryJson(shown.entry),
    lines: shown.lines.map((line) => ({ pos_line_id: line.posLineId, receipt: line.receipt, item: line.item, quantity: line.quantity, deduction: line.deduction })),
  };
}

/** An ingredient's pack units as `ingredient units` prints them: one of each is `factor` of the base unit. */
async function unitsJson(engine: Engine, ingredient: string) {
  const book = await unitBook(engine.scope, await ingredientId(engine.scope, ingredient));
  return { units: book.packs.map((pack) => ({ name: pack.name, factor: pack.factor.toFixed(), base_unit: book.base })) };
}

export const inventoryCommands: Record<string, Command> = {
  ingredient: {
    usage: ingredientUsage,
    run: async (engine, args) => {
      const { positionals } = parseCommandArgs(args, {}, ingredientUsage);
      const [group, ...rest] = positionals;
      if (group === 'units' && rest.length === 1) return await unitsJson(engine, rest[0] as string);
      const [action, ingredient, name, factor, ...extra] = rest;
      if (group === 'unit' && action === 'add' && ingredient && name && factor !== undefined && extra.length === 0) {
        await saveIngredientUnit(engine.scope, await ingredientId(engine.scope, ingredient), name, factor);
        return await unitsJson(engine, ingredient);
      }
      if (group === 'unit' && action === 'remove' && ingredient && name && factor === undefined) {
        await removeIngredientUnit(engine.scope, await ingredientId(engine.scope, ingredient), name);
        return await unitsJson(engine, ingredient);
      }
      throw new DomainError('invalid_input', `Usage: ${ingredientUsage}`);
    },
  },
  recipe: {
    usage: recipeUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { date: { type: 'string' } }, recipeUsage);
      const [action, recipe, ...rest] = positionals;
      if (action !== 'cost' || !recipe || rest.length > 0) throw new DomainError('invalid_input', `Usage: ${recipeUsage}`);
      // Today's costs where this computer is: a recipe belongs to no location.
      const date = optionValue(dateInput, values.date, 'date') ?? dateInZone(engine.platform.clock.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
      const { currency: _currency, ...cost } = await recipeCost(engine.scope, recipe, date);
      return { recipe_cost: cost };
    },
  },
  import: {
    usage: importUsage,
    run: async (engine, args) => {
      const { positionals } = parseCommandArgs(args, {}, importUsage);
      const [file] = positionals;
      if (!file || positionals.length > 1) throw new DomainError('invalid_input', `Usage: ${importUsage}`);
      return { imported: await importSetupFile(engine.scope, readFileArgument(file)) };
    },
  },
  stock: {
    usage: stockUsage,
    run: async (engine, args) => {
      const { values } = parseCommandArgs(args, { 'storage-unit': { type: 'string' } }, stockUsage);
      const name = values['storage-unit'];
      let storageUnitId: number | undefined;
      if (name !== undefined) {
        const unit = await findStorageUnitByName(engine.scope, name);
        if (!unit) throw new DomainError('storage_unit_not_found', `No storage unit named "${name}".`);
        storageUnitId = unit.id;
      }
      return {
        stock: (await stockOnHand(engine.scope, { storageUnitId })).map(({ storageUnit, ingredient, unit, quantity, value }) => ({
          storageUnit,
          ingredient,
          unit,
          quantity,
          value,
        })),
      };
    },
  },
  ledger: {
    usage: ledgerUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(
        args,
        { location: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' } },
        ledgerUsage,
      );
      if (positionals[0] === 'show' && Object.keys(values).length === 0) return await showEntry(engine, positionals);
      if (positionals.length > 0) throw new DomainError('invalid_input', `Usage: ${ledgerUsage}`);
      const entries = await listLedgerEntries(engine.scope, {
        businessLocationId: values.location,
        from: optionValue(dateInput, values.from, 'from'),
        to: optionValue(dateInput, values.to, 'to'),
        type: optionValue(z.enum(ledgerEntryTypes), values.type, 'type'),
      });
      return { entries: entries.map(entryJson) };
    },
  },
};
