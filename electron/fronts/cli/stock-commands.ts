import { DomainError } from '../../core/domain-error';
import { foodCost } from '../../core/reports/food-cost';
import { finishCount, listCounts, reopenCount, setCountLine, startCount } from '../../core/stock/stock-control';
import { moveStock, recordWaste } from '../../core/stock/waste-and-moves';
import { normalizeDate } from '../../../shared/dates';
import { parseCommandArgs } from './args';
import type { Command } from './command';
import { varianceReport } from '../../core/reports/variance';
import { menuReport } from '../../core/reports/plate-cost';

const countUsage = 'count list | count start <storage unit> [--at INSTANT] | count set <count id> <ingredient> <qty> | count finish <count id> | count reopen <count id>';
const wasteUsage = 'waste <storage unit> (--ingredient NAME | --recipe NAME) <qty> --reason REASON (spoiled, dropped, overproduced, "staff meal", other, or your own list) [--note TEXT] [--at INSTANT]';
const moveUsage = 'move <from storage unit> <to storage unit> <ingredient> <qty> [--at INSTANT]';
const varianceUsage = 'variance <storage unit> --from-count ID --to-count ID';
const foodCostUsage = 'food-cost <location> --from DATE --to DATE';
const menuUsage = 'menu <location> --from DATE --to DATE';

const idOf = (text: string | undefined, usage: string): number => {
  if (!text || !/^[1-9]\d{0,15}$/.test(text)) throw new DomainError('invalid_input', `Usage: ${usage}`);
  return Number(text);
};

const dateOf = (text: string | undefined, option: string): string => {
  const date = text === undefined ? null : normalizeDate(text);
  if (!date) throw new DomainError(text === undefined ? 'invalid_input' : 'invalid_date_format', `--${option} takes a date as YYYY-MM-DD or DD.MM.YYYY.`);
  return date;
};

export const stockCommands: Record<string, Command> = {
  count: {
    usage: countUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { at: { type: 'string' } }, countUsage);
      const [action, first, second, third, ...rest] = positionals;
      const now = engine.platform.clock.now().toISOString();
      if (rest.length > 0) throw new DomainError('invalid_input', `Usage: ${countUsage}`);
      if (action === 'list' && first === undefined) return { counts: await listCounts(engine.scope) };
      if (action === 'start' && first && second === undefined) return { count: await startCount(engine.scope, first, values.at ?? now) };
      if (action === 'set' && second && third !== undefined) return { line: await setCountLine(engine.scope, idOf(first, countUsage), second, third, now) };
      if (action === 'finish' && second === undefined) return { count: await finishCount(engine.scope, idOf(first, countUsage), now) };
      if (action === 'reopen' && second === undefined) return { count: await reopenCount(engine.scope, idOf(first, countUsage)) };
      throw new DomainError('invalid_input', `Usage: ${countUsage}`);
    },
  },
  waste: {
    usage: wasteUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(
        args,
        { ingredient: { type: 'string' }, recipe: { type: 'string' }, reason: { type: 'string' }, note: { type: 'string' }, at: { type: 'string' } },
        wasteUsage,
      );
      const [storageUnit, quantity, ...rest] = positionals;
      if (!storageUnit || quantity === undefined || rest.length > 0 || values.reason === undefined) throw new DomainError('invalid_input', `Usage: ${wasteUsage}`);
      const at = values.at ?? engine.platform.clock.now().toISOString();
      return {
        waste: await recordWaste(
          engine.scope,
          { storageUnit, ingredient: values.ingredient, recipe: values.recipe, quantity, reason: values.reason, note: values.note, at },
          engine.platform.settings.get('wasteReasons'),
        ),
      };
    },
  },
  move: {
    usage: moveUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { at: { type: 'string' } }, moveUsage);
      const [from, to, ingredient, quantity, ...rest] = positionals;
      if (!from || !to || !ingredient || quantity === undefined || rest.length > 0) throw new DomainError('invalid_input', `Usage: ${moveUsage}`);
      return { move: await moveStock(engine.scope, { from, to, ingredient, quantity, at: values.at ?? engine.platform.clock.now().toISOString() }) };
    },
  },
  variance: {
    usage: varianceUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { 'from-count': { type: 'string' }, 'to-count': { type: 'string' } }, varianceUsage);
      const [storageUnit, ...rest] = positionals;
      if (!storageUnit || rest.length > 0) throw new DomainError('invalid_input', `Usage: ${varianceUsage}`);
      const { currency: _currency, ...variance } = await varianceReport(engine.scope, storageUnit, idOf(values['from-count'], varianceUsage), idOf(values['to-count'], varianceUsage));
      return { variance: { ...variance, rows: variance.rows.map(({ no_cost: _noCost, ...row }) => row) } };
    },
  },
  'food-cost': {
    usage: foodCostUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, to: { type: 'string' } }, foodCostUsage);
      const [location, ...rest] = positionals;
      if (!location || rest.length > 0) throw new DomainError('invalid_input', `Usage: ${foodCostUsage}`);
      return { food_cost: await foodCost(engine.scope, location, dateOf(values.from, 'from'), dateOf(values.to, 'to'), engine.platform.settings.get('exchangeRates')) };
    },
  },
  menu: {
    usage: menuUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, to: { type: 'string' } }, menuUsage);
      const [location, ...rest] = positionals;
      if (!location || rest.length > 0) throw new DomainError('invalid_input', `Usage: ${menuUsage}`);
      const { currency: _currency, ...menu } = await menuReport(engine.scope, location, dateOf(values.from, 'from'), dateOf(values.to, 'to'));
      return { menu };
    },
  },
};
