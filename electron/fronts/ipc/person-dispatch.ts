// A Larder server's door for one signed-in person (issue 32). Before a handler runs:
// - a contract their role does not reach is refused with `forbidden`, its input unread;
// - a location or storage unit the input names must be one of theirs (the owner has them all), and a
//   count must be of one of their storage units: anything else is `forbidden` too, with the same
//   words whether or not it exists, so a refusal tells nothing about other venues.
// After it, lists are cut to the person's locations and storage units wherever they are in the
// answer, and a counter's count sheet loses its costs. Every change that went through is written to
// the activity log with the person's name, and the engine keeps it on what the call writes
// (core/acting.ts).
import { channelAccess, mayCall } from '../../../shared/ipc/access';
import { ipcChannels, type IpcChannel } from '../../../shared/ipc/channels';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/model/people';
import { actingAs } from '../../core/acting';
import type { Dispatch } from './dispatch';

const known = new Set<string>(ipcChannels);

export interface Person {
  /** Kept on what their calls write (a transfer's log, a finished count). */
  name: string;
  role: Role;
  /** Business location ids and storage unit names assigned; ignored for an owner. */
  locations: readonly string[];
  storageUnits: readonly string[];
}

/** What the door looks up in the engine to place an input: both null when there is no such thing. */
export interface Reach {
  storageUnitName(id: number): Promise<string | null>;
  countStorageUnit(countId: number): Promise<string | null>;
  /** Writes who did what (only for changes that went through). */
  record(channel: IpcChannel, input: unknown): Promise<void>;
}

/** Contracts of the `count`, `manage` and `owner` levels that change nothing: not activity. */
const LOOKS = new Set<IpcChannel>([
  'counts:list',
  'counts:sheet',
  'counts:set',
  'storage-units:list',
  'ingredients:units',
  'ingredients:list',
  'reprocess:preview',
  'csv:peek',
  'csv:sample',
  'csv:propose',
  'csv:preview',
  'locations:compare-transactions',
  'backups:overview',
  'backups:preview',
  'connection:configuration',
  'connection:test',
  'sides:test',
  'recipes:preview',
  'recipes:cost-draft',
  'people:list',
  'activity:list',
]);

export const isChange = (channel: IpcChannel): boolean => channelAccess[channel] !== 'read' && channelAccess[channel] !== 'public' && !LOOKS.has(channel);

const COUNT_CHANNELS = new Set<string>(['counts:sheet', 'counts:set', 'counts:save', 'counts:finish', 'counts:reopen']);

function refusal(role: Role, what: string): IpcResult<unknown> {
  return { ok: false, error: { code: 'forbidden', message: `${what} is not part of what this ${role} does in Larder. Ask the group’s owner if you need it.` } };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value.trim() : null);

/** The places an input names, by kind: location ids and storage unit names (ids looked up). */
async function placesNamed(channel: string, input: Record<string, unknown>, reach: Reach): Promise<{ locations: string[]; units: string[] }> {
  const locations = [text(input.businessLocationId), text(input.location)].filter((each): each is string => !!each);
  const units = [text(input.storageUnit)];
  if (channel === 'stock:move') units.push(text(input.from), text(input.to));
  if (typeof input.storageUnitId === 'number') units.push((await reach.storageUnitName(input.storageUnitId)) ?? `#${input.storageUnitId}`);
  if (input.storageUnits && typeof input.storageUnits === 'object') units.push(...Object.values(input.storageUnits as Record<string, unknown>).map(text));
  if (COUNT_CHANNELS.has(channel) && typeof input.id === 'number') units.push((await reach.countStorageUnit(input.id)) ?? `#count-${input.id}`);
  return { locations, units: units.filter((each): each is string => !!each) };
}

/** Lists anywhere in an answer cut to what the person is assigned (rows naming another place go). */
function cut(value: unknown, person: Person): unknown {
  if (Array.isArray(value)) {
    return value.filter((row) => inReach(row, person)).map((row) => cut(row, person));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, cut(each, person)]));
  }
  return value;
}

/** A row of a location is the location's; a row of no location (a count, a receipt) is its storage unit's. */
function inReach(row: unknown, person: Person): boolean {
  if (!row || typeof row !== 'object') return true;
  const { businessLocationId, storageUnit, storage_unit: storageUnitName } = row as Record<string, unknown>;
  if (typeof businessLocationId === 'string') return person.locations.includes(businessLocationId);
  for (const unit of [storageUnit, storageUnitName]) if (typeof unit === 'string' && !person.storageUnits.includes(unit)) return false;
  return true;
}

/** A counter counts: what the count is worth is the manager's to read. */
function withoutCosts(data: unknown): unknown {
  const sheet = data as { rows: Record<string, unknown>[] };
  return { ...sheet, rows: sheet.rows.map((row) => ({ ...row, difference_value: null })) };
}

export function dispatchFor(person: Person, dispatch: Dispatch, reach: Reach): Dispatch {
  return async (channel, rawInput) => {
    if (!known.has(channel)) return await dispatch(channel, rawInput);
    const contract = channel as IpcChannel;
    if (!mayCall(person.role, contract)) return refusal(person.role, 'This');
    const owner = person.role === 'owner';
    if (!owner && rawInput && typeof rawInput === 'object') {
      const named = await placesNamed(channel, rawInput as Record<string, unknown>, reach);
      if (named.locations.some((id) => !person.locations.includes(id))) return refusal(person.role, 'That location');
      if (named.units.some((name) => !person.storageUnits.includes(name))) return refusal(person.role, 'That storage unit');
    }
    const result = await actingAs(person.name, () => dispatch(channel, rawInput));
    if (!result.ok) return result;
    if (isChange(contract)) await reach.record(contract, rawInput);
    if (owner) return result;
    if (channel === 'storage-units:list') return { ok: true, data: (result.data as { name: string }[]).filter((unit) => person.storageUnits.includes(unit.name)) };
    const data = cut(result.data, person);
    return { ok: true, data: person.role === 'counter' && channel === 'counts:sheet' ? withoutCosts(data) : data };
  };
}
