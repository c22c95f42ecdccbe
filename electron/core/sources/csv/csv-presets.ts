// Presets: the item-level sales exports real tills write, each a profile template that knows the
// system's columns, money, dates, voids, refunds and modifiers (../shared/reference/till-exports.md
// lists what each system publishes; the README's "CSV presets" table says what each preset assumes).
// A file is recognised by its header; the manager only names the storage unit of each location.
import type { z } from 'zod';
import type { csvProfileSchema } from '../../../../shared/model/csv';
import { TRANSACTIONS_EXPORT_COLUMNS } from '../transactions-export';

/** A profile file's settings without its name and locations: what a preset fixes for every file of its kind. */
export type PresetTemplate = Omit<z.input<typeof csvProfileSchema>, 'name' | 'locations'>;

/** One header a system writes (SumUp writes its report in German or English). */
export interface PresetLayout {
  /** The header as published, in order. */
  columns: readonly string[];
  template: PresetTemplate;
  /** Date formats the system writes by the account's locale, tried in order on the file's first rows. */
  dateFormats?: readonly string[];
  /** A column holding each row's currency code (SumUp's), read for the profile's currency. */
  currencyColumn?: string;
}

export interface CsvPreset {
  id: string;
  system: string;
  name: string;
  layouts: readonly PresetLayout[];
  /** A file only read beside another preset's (Toast's modifiers beside its items): no profile of its own. */
  readBeside?: string;
}

const posCodes = (rule: Omit<PresetTemplate['rules'][number], 'type'>): PresetTemplate['rules'] => [{ type: 'column_values_to_pos_codes', ...rule }];

const SQUARE_COLUMNS = [
  'Date', 'Time', 'Time Zone', 'Category', 'Item', 'Qty', 'Price Point Name', 'SKU', 'Modifiers Applied', 'Gross Sales', 'Discounts', 'Net Sales', 'Tax',
  'Transaction ID', 'Payment ID', 'Device Name', 'Notes', 'Details', 'Event Type', 'Location', 'Dining Option', 'Customer ID', 'Customer Name',
  'Customer Reference ID', 'Unit', 'Count', 'GTIN', 'Itemization Type', 'Commission', 'Employee', 'Fulfillment Note', 'Channel', 'Token', 'Card Brand', 'PAN Suffix',
] as const;

const TOAST_COLUMNS = [
  'Location', 'Order Id', 'Order #', 'Sent Date', 'Order Date', 'Check Id', 'Server', 'Table', 'Dining Area', 'Service', 'Dining Option', 'Item Selection Id',
  'Item Id', 'Master Id', 'SKU', 'PLU', 'Menu Item', 'Menu Subgroup(s)', 'Menu Group', 'Menu', 'Sales Category', 'Gross Price', 'Discount', 'Net Price', 'Qty',
  'Tax', 'Void?', 'Deferred', 'Tax Exempt', 'Tax Inclusion Option', 'Dining Option Tax', 'Tab Name',
] as const;

/**
 * Toast's ModifierSelectionDetails as its export help describes it (the reference names the modifier,
 * quantity, price and void flag, linked to the item by order and item selection); the exact header is
 * assumed here, in this one place, until a real export shows it.
 */
export const TOAST_MODIFIER_COLUMNS = [
  'Location', 'Order Id', 'Order #', 'Sent Date', 'Order Date', 'Check Id', 'Server', 'Table', 'Dining Area', 'Service', 'Dining Option', 'Item Selection Id',
  'Modifier Id', 'Master Id', 'Modifier SKU', 'Modifier PLU', 'Modifier', 'Option Group Name', 'Parent Menu Selection', 'Sales Category', 'Gross Price', 'Discount',
  'Net Price', 'Qty', 'Void?', 'Void Reason',
] as const;

const LOYVERSE_COLUMNS = [
  'Date', 'Receipt number', 'Receipt type', 'Category', 'SKU', 'Item', 'Variant', 'Modifiers applied', 'Quantity', 'Gross sales', 'Discounts', 'Net sales',
  'Cost of goods', 'Gross profit', 'Taxes', 'Dining option', 'POS', 'Store', 'Cashier name', 'Customer name', 'Customer contacts', 'Comment', 'Status',
] as const;

const SUMUP_GERMAN_COLUMNS = [
  'Konto', 'Datum', 'Typ', 'Transaktionsnummer', 'Zahlungsmethode', 'Menge', 'Beschreibung', 'Währung', 'Preis vor Rabatt', 'Rabatt', 'Preis (brutto)',
  'Preis (netto)', 'Steuer', 'Steuersatz',
] as const;

const SUMUP_ENGLISH_COLUMNS = [
  'Account', 'Date', 'Time', 'Type', 'Transaction ID', 'Receipt Number', 'Payment Method', 'Quantity', 'Description', 'Currency', 'Price (Gross)', 'Price (Net)',
  'Tax', 'Tax rate', 'Transaction refunded',
] as const;

export const CSV_PRESETS: readonly CsvPreset[] = [
  {
    id: 'square-items-detail',
    system: 'Square',
    name: 'Items Detail (Item Detail CSV)',
    layouts: [
      {
        columns: SQUARE_COLUMNS,
        template: {
          delimiter: ',',
          thousands_separator: ',',
          date_format: 'YYYY-MM-DD',
          rules: posCodes({ source_column: 'Item', quantity_source_column: 'Qty', date_source_column: 'Date', time_source_column: 'Time' }),
          variant_column: 'Price Point Name',
          modifier_column: 'Modifiers Applied',
          modifier_separator: ',',
          amount_column: 'Net Sales',
          // Square repeats a payment's id on every item of it: the item and its choices tell its rows apart, numbered where they repeat.
          external_id_column: ['Transaction ID', 'Event Type', 'Item', 'Price Point Name', 'Modifiers Applied'],
          location_column: 'Location',
          refund_rows: { column: 'Event Type', equals: ['Refund'] },
        },
      },
    ],
  },
  {
    id: 'toast-item-selection-details',
    system: 'Toast',
    name: 'ItemSelectionDetails',
    layouts: [
      {
        columns: TOAST_COLUMNS,
        template: {
          delimiter: ',',
          thousands_separator: ',',
          date_format: 'M/D/YY h:mm A',
          // Toast's closeout hour: its default, 4 AM, ends a business day.
          business_day_starts_at: '04:00',
          rules: posCodes({ source_column: 'Menu Item', quantity_source_column: 'Qty', date_source_column: 'Order Date' }),
          amount_column: 'Net Price',
          external_id_column: 'Item Selection Id',
          location_column: 'Location',
          exclude_rows: [{ column: 'Void?', equals: ['true'] }],
          modifier_file: { link_columns: ['Order Id', 'Item Selection Id'], source_column: 'Modifier', exclude_rows: [{ column: 'Void?', equals: ['true'] }] },
        },
      },
    ],
  },
  {
    id: 'toast-modifier-selection-details',
    system: 'Toast',
    name: 'ModifierSelectionDetails (read beside ItemSelectionDetails)',
    readBeside: 'toast-item-selection-details',
    layouts: [
      {
        columns: TOAST_MODIFIER_COLUMNS,
        template: {
          delimiter: ',',
          rules: posCodes({ source_column: 'Modifier', date_source_column: 'Order Date' }),
          date_format: 'M/D/YY h:mm A',
          location_column: 'Location',
          exclude_rows: [{ column: 'Void?', equals: ['true'] }],
        },
      },
    ],
  },
  {
    id: 'loyverse-receipts-by-item',
    system: 'Loyverse',
    name: 'Receipts by item',
    layouts: [
      {
        columns: LOYVERSE_COLUMNS,
        template: {
          delimiter: ',',
          date_format: 'DD/MM/YYYY HH:mm',
          rules: posCodes({ source_column: 'Item', quantity_source_column: 'Quantity', date_source_column: 'Date' }),
          variant_column: 'Variant',
          modifier_column: 'Modifiers applied',
          modifier_separator: ',',
          amount_column: 'Net sales',
          external_id_column: ['Receipt number', 'Item', 'Variant', 'Modifiers applied'],
          location_column: 'Store',
          refund_rows: { column: 'Receipt type', equals: ['Refund'] },
          exclude_rows: [{ column: 'Status', equals: ['Cancelled'] }],
        },
        // The day/month order follows the account's locale: the first format that reads every date of the file's first rows wins.
        dateFormats: ['DD/MM/YYYY HH:mm', 'MM/DD/YYYY HH:mm', 'M/D/YY h:mm A', 'D/M/YY HH:mm'],
      },
    ],
  },
  {
    id: 'sumup-sales-report',
    system: 'SumUp',
    name: 'Sales report (Verkaufsbericht)',
    layouts: [
      {
        columns: SUMUP_GERMAN_COLUMNS,
        template: {
          date_format: 'DD.MM.YYYY, HH:mm',
          rules: posCodes({ source_column: 'Beschreibung', quantity_source_column: 'Menge', date_source_column: 'Datum' }),
          amount_column: 'Preis (netto)',
          external_id_column: ['Transaktionsnummer', 'Beschreibung'],
          refund_rows: { column: 'Typ', equals: ['Erstattung', 'Rückerstattung', 'Refund'] },
        },
        currencyColumn: 'Währung',
      },
      {
        columns: SUMUP_ENGLISH_COLUMNS,
        template: {
          date_format: 'DD.MM.YY',
          rules: posCodes({ source_column: 'Description', quantity_source_column: 'Quantity', date_source_column: 'Date', time_source_column: 'Time' }),
          amount_column: 'Price (Net)',
          external_id_column: ['Transaction ID', 'Description'],
          refund_rows: { column: 'Type', equals: ['Refund'] },
        },
        currencyColumn: 'Currency',
      },
    ],
  },
  {
    id: 'lightspeed-k-series-transactions',
    system: 'Lightspeed Restaurant (K-Series)',
    name: 'Back Office Transactions export',
    layouts: [
      {
        // The header Larder assumes for it, shared with Lightspeed's comparison.
        columns: TRANSACTIONS_EXPORT_COLUMNS,
        template: {
          delimiter: ',',
          date_format: 'YYYY-MM-DD HH:mm:ss',
          rules: posCodes({ source_column: 'Item', quantity_source_column: 'Quantity', date_source_column: 'Date' }),
          amount_column: 'Amount',
          external_id_column: ['Transaction ID', 'Type', 'Item'],
          // As the API's sale types count (transfer/sale-types.ts): a Void row's negative quantity nets against the sale; floats, open accounts and foreign rows sell nothing.
          negative_rows: 'count',
          refund_rows: { column: 'Type', equals: ['Refund'] },
          exclude_rows: [{ column: 'Type', equals: ['Float', 'Transitory', 'Foreign'] }],
        },
        dateFormats: ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'DD/MM/YYYY HH:mm', 'DD.MM.YYYY HH:mm', 'MM/DD/YYYY h:mm A'],
      },
    ],
  },
];
