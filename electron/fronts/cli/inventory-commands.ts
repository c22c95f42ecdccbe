import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dateInput } from '../../../shared/dates';
import { DomainError } from '../../core/domain-error';
import { importSetupFile } from '../../core/inventory/setup-import';
import { findStorageUnitByName } from '../../core/inventory/storage-units';
import { listLedgerEntries, stockOnHand } from '../../core/ledger/ledger';
import { ledgerEntryTypes } from '../../core/db/schema';
import { optionValue, parseCommandArgs } from './args';
import type { Command } from './command';

const importUsage = 'import <setup-file.json>';
const stockUsage = 'stock [--storage-unit NAME]';
const ledgerUsage = 'ledger [--location BLID] [--from DATE] [--to DATE] [--type RECEIPT|ISSUE|WASTE|COUNT|ADJUSTMENT]';

export const inventoryCommands: Record<string, Command> = {
  import: {
    usage: importUsage,
    run: (engine, args) => {
      const { positionals } = parseCommandArgs(args, {}, importUsage);
      const [file] = positionals;
      if (!file || positionals.length > 1) throw new DomainError('invalid_input', `Usage: ${importUsage}`);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new DomainError('file_unreadable', `Cannot read ${file}: ${(error as Error).message}`);
      }
      return { imported: importSetupFile(engine.scope, content) };
    },
  },
  stock: {
    usage: stockUsage,
    run: (engine, args) => {
      const { values } = parseCommandArgs(args, { 'storage-unit': { type: 'string' } }, stockUsage);
      const name = values['storage-unit'];
      let storageUnitId: number | undefined;
      if (name !== undefined) {
        const unit = findStorageUnitByName(engine.scope, name);
        if (!unit) throw new DomainError('storage_unit_not_found', `No storage unit named "${name}".`);
        storageUnitId = unit.id;
      }
      return {
        stock: stockOnHand(engine.scope, { storageUnitId }).map(({ storageUnit, ingredient, unit, quantity, value }) => ({
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
    run: (engine, args) => {
      const { values } = parseCommandArgs(
        args,
        { location: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' } },
        ledgerUsage,
      );
      const entries = listLedgerEntries(engine.scope, {
        businessLocationId: values.location,
        from: optionValue(dateInput, values.from, 'from'),
        to: optionValue(dateInput, values.to, 'to'),
        type: optionValue(z.enum(ledgerEntryTypes), values.type, 'type'),
      });
      return {
        entries: entries.map((entry) => ({
          id: entry.id,
          type: entry.type,
          date: entry.date,
          ingredient: entry.ingredient,
          storageUnit: entry.storageUnit,
          quantity: entry.quantity,
          unitCost: entry.unitCost,
          value: entry.value,
          businessLocationId: entry.businessLocationId,
          salesLineId: entry.salesLineId,
          transferLogId: entry.transferLogId,
        })),
      };
    },
  },
};
