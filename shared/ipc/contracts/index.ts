import { appInfo } from './app';
import {
  createReceipt,
  deleteIngredient,
  deleteReceipt,
  deleteRecipe,
  deleteStorageUnit,
  getRecipe,
  importSetup,
  listIngredients,
  listReceipts,
  listRecipes,
  listStock,
  listStorageUnits,
  previewRecipe,
  saveIngredient,
  saveRecipe,
  saveStorageUnit,
} from './inventory';
import { ledgerEntryLines, ledgerTotals, listLedger } from './ledger';
import { configureConnection, disconnect, getConfiguration, getConnection, pasteAddress, startConnect, testConnection } from './connection';
import { deleteMappingContract, listItemsContract, saveMappingContract, syncItemsContract } from './items';
import { linkLocation, listLocationsContract, locationOverviewContract, setLocationAutoIssue, setLocationTimeZone, syncLocationsContract } from './locations';
import { activateLocationContract, cancelMigrationContract, migrationStatusContract, rerunMigrationContract, startMigrationContract } from './migrations';
import { getSettings, saveDiagnostics, saveSettings, setupChecklist, startDemo } from './setup';
import { getLogContract, listLogsContract, runTransfer } from './transfers';
import { sidesConnectContract, sidesStatusContract, sidesSyncProductsContract, sidesSyncStoresContract, sidesTestContract } from './sides';
import { countSheetContract, finishCountContract, foodCostContract, listCountsContract, moveStockContract, recordWasteContract, reopenCountContract, saveWasteReasonsContract, wasteReasonsContract, setCountLineContract, startCountContract, varianceContract } from './stock';
import { listSourcesContract, listUploadsContract, previewCsvContract, revertUploadContract, sampleCsvContract, saveCsvProfileContract, uploadCsvContract } from './sources';

// Every IPC call, each written once: its channel lives in its contract, and the record by channel,
// the channel list (the preload's allowlist) and the handler map's keys are all derived from this list.
const all = [
  appInfo,
  importSetup,
  listStorageUnits,
  saveStorageUnit,
  deleteStorageUnit,
  listIngredients,
  saveIngredient,
  deleteIngredient,
  listRecipes,
  getRecipe,
  saveRecipe,
  deleteRecipe,
  previewRecipe,
  listReceipts,
  createReceipt,
  deleteReceipt,
  listStock,
  listLedger,
  getConnection,
  getConfiguration,
  configureConnection,
  startConnect,
  pasteAddress,
  testConnection,
  disconnect,
  listLocationsContract,
  syncLocationsContract,
  linkLocation,
  setLocationAutoIssue,
  setLocationTimeZone,
  listItemsContract,
  syncItemsContract,
  saveMappingContract,
  deleteMappingContract,
  runTransfer,
  activateLocationContract,
  startMigrationContract,
  rerunMigrationContract,
  cancelMigrationContract,
  migrationStatusContract,
  listLogsContract,
  getLogContract,
  locationOverviewContract,
  ledgerTotals,
  ledgerEntryLines,
  setupChecklist,
  getSettings,
  saveSettings,
  startDemo,
  saveDiagnostics,
  listSourcesContract,
  saveCsvProfileContract,
  sampleCsvContract,
  previewCsvContract,
  uploadCsvContract,
  listUploadsContract,
  revertUploadContract,
  sidesStatusContract,
  sidesConnectContract,
  sidesTestContract,
  sidesSyncStoresContract,
  sidesSyncProductsContract,
  listCountsContract,
  startCountContract,
  countSheetContract,
  setCountLineContract,
  finishCountContract,
  reopenCountContract,
  recordWasteContract,
  wasteReasonsContract,
  saveWasteReasonsContract,
  moveStockContract,
  varianceContract,
  foodCostContract,
] as const;

type AnyContract = (typeof all)[number];
export type IpcChannel = AnyContract['channel'];

/** Every IPC call, by channel. The renderer client, the main handlers and the preload allowlist all follow it. */
export type Contracts = { [C in IpcChannel]: Extract<AnyContract, { channel: C }> };
export const contracts = Object.fromEntries(all.map((contract) => [contract.channel, contract])) as Contracts;

export const ipcChannels = all.map((contract) => contract.channel);
