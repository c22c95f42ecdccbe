import { z } from 'zod';
import { dateInput } from '../../../shared/dates';
import { DomainError } from '../../core/domain-error';
import { findIngredientByName } from '../../core/inventory/ingredients';
import { findRecipeByName } from '../../core/inventory/recipes';
import { requireLocation } from '../../core/locations/location-config';
import { deleteMapping, linkItems, resolveItem, saveMappings, unlinkItem } from '../../core/items/mappings';
import { suggestTargets } from '../../core/items/suggestions';
import { reprocess, reprocessPreview } from '../../core/transfer/reprocess';
import { applyMigrationAction, latestJob, recoverStuckJobs, runMigration, view, type MigrationAction } from '../../core/migration/migration';
import { issueByHand } from '../../core/migration/manual-issue';
import { runDue, type RunDueResult } from '../../core/scheduler/run-due';
import type { TransferContext, TransferResult } from '../../core/transfer/transfer-day';
import { getLog, listLogs } from '../../core/transfer/transfer-log';
import { transferStatuses } from '../../core/db/schema';
import { optionValue, parseCommandArgs } from './args';
import type { Command } from './command';
import { inOrder } from '../../core/in-order';

const mapUsage = 'map <item id|code|SKU|name>... (--ingredient NAME | --recipe NAME) [--quantity Q] [--subtraction] [--source NAME] [--location BLID]';
const unmapUsage = 'unmap <item id|code|SKU|name> [--source NAME] [--location BLID]';
const linkUsage = 'link <item id|code|SKU|name> [--source NAME] --to <item id|code|SKU|name> [--to-source NAME]';
const unlinkUsage = 'unlink <item id|code|SKU|name> [--source NAME]';
const transferUsage = 'transfer <blId> <date> [--no-force] [--replace-with-empty]';
const migrateUsage = 'migrate start|rerun|cancel|status <blId> [--wait]';
const reprocessUsage = 'reprocess <blId> --from DATE --to DATE [--preview]';
const logsUsage = 'logs [--location BLID] [--date DATE | --from DATE --to DATE] [--status processing|success|failed] | logs show <id>';

/**
 * Runs the location's migration to its end here, resuming one whose runner died; when a live process
 * (the app) runs it, waits for that one instead.
 */
async function waitForMigration(context: TransferContext, locationId: number): Promise<void> {
  for (;;) {
    await recoverStuckJobs(context.scope, context.clock);
    const job = await latestJob(context.scope, locationId);
    if (!job || (job.status !== 'pending' && job.status !== 'running')) return;
    if (job.status === 'pending') await runMigration(context, job.id);
    else await context.sleep(1000);
  }
}

export const transferCommands: Record<string, Command> = {
  map: {
    usage: mapUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(
        args,
        {
          ingredient: { type: 'string' },
          recipe: { type: 'string' },
          quantity: { type: 'string' },
          subtraction: { type: 'boolean' },
          source: { type: 'string' },
          location: { type: 'string' },
        },
        mapUsage,
      );
      if (positionals.length === 0 || (values.ingredient === undefined) === (values.recipe === undefined)) throw new DomainError('invalid_input', `Usage: ${mapUsage}`);
      let target: { ingredientId: number } | { recipeId: number };
      if (values.ingredient !== undefined) {
        const ingredient = await findIngredientByName(engine.scope, values.ingredient);
        if (!ingredient) throw new DomainError('ingredient_not_found', `No ingredient named "${values.ingredient}".`);
        target = { ingredientId: ingredient.id };
      } else {
        const recipe = await findRecipeByName(engine.scope, values.recipe as string);
        if (!recipe) throw new DomainError('recipe_not_found', `No recipe named "${values.recipe}".`);
        target = { recipeId: recipe.id };
      }
      // Several items: one target and quantity for all, in one transaction (all mapped, or none).
      const mappings = await saveMappings(
        engine.scope,
        await inOrder(positionals, async (reference) => ({
          posItemId: (await resolveItem(engine.scope, reference, values.source)).id,
          target,
          quantity: values.quantity ?? '1',
          isSubtraction: values.subtraction ?? false,
          location: values.location,
        })),
        engine.platform.clock.now().toISOString(),
      );
      return positionals.length === 1 ? { mapping: mappings[0] } : { mappings };
    },
  },
  reprocess: {
    usage: reprocessUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, to: { type: 'string' }, preview: { type: 'boolean' } }, reprocessUsage);
      const [blId, ...rest] = positionals;
      const from = optionValue(dateInput, values.from, 'from');
      const to = optionValue(dateInput, values.to, 'to');
      if (!blId || rest.length > 0 || !from || !to) throw new DomainError('invalid_input', `Usage: ${reprocessUsage}`);
      if (values.preview) {
        const { days, ingredients } = await reprocessPreview(engine.transfers, blId, from, to);
        return { preview: { days, ingredients: ingredients.map((row) => ({ ingredient: row.ingredient, posted: row.posted, new: row.new, difference: row.difference })) } };
      }
      return { results: await reprocess(engine.transfers, blId, from, to) };
    },
    failed: (result: { results?: TransferResult[] }) => (result.results ?? []).some((each) => !each.success),
  },
  suggest: {
    usage: 'suggest <item id|code|SKU|name> [--source NAME]',
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { source: { type: 'string' } }, 'suggest <item> [--source NAME]');
      if (positionals.length !== 1) throw new DomainError('invalid_input', 'Usage: suggest <item id|code|SKU|name> [--source NAME]');
      const item = await resolveItem(engine.scope, positionals[0] as string, values.source);
      return { suggestions: (await suggestTargets(engine.scope, item.name)).map(({ kind, name, score }) => ({ kind, name, score })) };
    },
  },
  unmap: {
    usage: unmapUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { source: { type: 'string' }, location: { type: 'string' } }, unmapUsage);
      if (positionals.length !== 1) throw new DomainError('invalid_input', `Usage: ${unmapUsage}`);
      const item = await resolveItem(engine.scope, positionals[0] as string, values.source);
      await deleteMapping(engine.scope, item.id, values.location);
      return { unmapped: { itemId: item.itemId, name: item.name } };
    },
  },
  link: {
    usage: linkUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { source: { type: 'string' }, to: { type: 'string' }, 'to-source': { type: 'string' } }, linkUsage);
      if (positionals.length !== 1 || values.to === undefined) throw new DomainError('invalid_input', `Usage: ${linkUsage}`);
      const item = await resolveItem(engine.scope, positionals[0] as string, values.source);
      const dish = await resolveItem(engine.scope, values.to, values['to-source']);
      return { linked: { itemId: item.itemId, name: item.name, to: { itemId: dish.itemId, name: dish.name }, mapping: await linkItems(engine.scope, dish.id, [item.id]) } };
    },
  },
  unlink: {
    usage: unlinkUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { source: { type: 'string' } }, unlinkUsage);
      if (positionals.length !== 1) throw new DomainError('invalid_input', `Usage: ${unlinkUsage}`);
      const item = await resolveItem(engine.scope, positionals[0] as string, values.source);
      return { unlinked: { itemId: item.itemId, name: item.name, mapping: await unlinkItem(engine.scope, item.id) } };
    },
  },
  transfer: {
    usage: transferUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { 'no-force': { type: 'boolean' }, 'replace-with-empty': { type: 'boolean' } }, transferUsage);
      const [blId, date = ''] = positionals;
      if (!blId) throw new DomainError('invalid_input', `Usage: ${transferUsage}`);
      return await issueByHand(engine.transfers, { businessLocationId: blId, date, force: !values['no-force'], replaceWithEmpty: values['replace-with-empty'] === true });
    },
    failed: (result: TransferResult) => !result.success,
  },
  migrate: {
    usage: migrateUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { wait: { type: 'boolean' } }, migrateUsage);
      const [action, blId = ''] = positionals;
      const { scope, clock } = engine.transfers;
      const location = await requireLocation(scope, blId);
      if (!['start', 'rerun', 'cancel', 'status'].includes(action ?? '')) throw new DomainError('invalid_input', `Usage: ${migrateUsage}`);
      const applied = await applyMigrationAction(scope, blId, action as MigrationAction, clock);
      if (!values.wait) return { migration: applied.migration };
      await waitForMigration(engine.transfers, location.id);
      const job = await latestJob(scope, location.id);
      return { migration: job ? await view(scope, job) : null };
    },
  },
  'run-due': {
    usage: 'run-due',
    run: (engine) => runDue(engine.transfers),
    failed: (result: RunDueResult) => result.locations.some((location) => location.failed.length > 0) || result.migrations.some((job) => job.status === 'failed'),
  },
  logs: {
    usage: logsUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(
        args,
        { location: { type: 'string' }, date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, status: { type: 'string' } },
        logsUsage,
      );
      if (positionals[0] === 'show' && positionals.length === 2) {
        const id = Number(positionals[1]);
        const log = Number.isSafeInteger(id) && id > 0 ? await getLog(engine.scope, id) : null;
        if (!log) throw new DomainError('invalid_input', `No transfer log ${positionals[1]}.`);
        return { log };
      }
      if (positionals.length > 0) throw new DomainError('invalid_input', `Usage: ${logsUsage}`);
      return {
        logs: await listLogs(engine.scope, {
          businessLocationId: values.location,
          date: optionValue(dateInput, values.date, 'date'),
          from: optionValue(dateInput, values.from, 'from'),
          to: optionValue(dateInput, values.to, 'to'),
          status: optionValue(z.enum(transferStatuses), values.status, 'status'),
        }),
      };
    },
  },
};
