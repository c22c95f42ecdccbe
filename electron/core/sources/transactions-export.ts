// K-Series Back Office's Transactions report (Reports → Transactions → Export Transactions CSV), which
// two rooms read: Lightspeed's comparison (transactions-compare.ts) and the CSV preset for a restaurant
// without an API client (csv/csv-presets.ts). Lightspeed documents the report's fields — type,
// transaction id, date, account, employee, device, the item's SKU, quantity and amount — and publishes
// no header row: the header Larder assumes is this one, kept here, until a real export shows it.

/** The assumed header, in order. */
export const TRANSACTIONS_EXPORT_COLUMNS = ['Transaction ID', 'Date', 'Type', 'Account', 'Employee', 'Device', 'SKU', 'Item', 'Quantity', 'Amount'] as const;

/** Each field by the names Back Office may give it (lower case): the comparison reads the header by these. */
export const TRANSACTIONS_EXPORT_NAMES = {
  type: ['type', 'transaction type'],
  date: ['date', 'date/time', 'datetime', 'created', 'time of sale'],
  time: ['time'],
  account: ['account', 'account id', 'account number'],
  sku: ['sku', 'plu', 'item sku'],
  name: ['item', 'name', 'item name', 'product'],
  quantity: ['quantity', 'qty'],
  amount: ['amount', 'total', 'net amount'],
} as const;
