// The sales sources Larder knows, one room each: a new source registers here, once.
import type { SalesSourceKind } from '../../../shared/model/transfers';
import { csvRoom } from './csv/csv-room';
import { lightspeedRoom } from './lightspeed/lightspeed-room';
import { sidesRoom } from './sides/sides-room';
import type { SourceRoom } from './source-room';

export const SOURCE_ROOMS: Record<SalesSourceKind, SourceRoom> = { lightspeed: lightspeedRoom, sides: sidesRoom, csv: csvRoom };

/** The rooms in the order their cards and facts are listed. */
export const sourceRooms: readonly SourceRoom[] = Object.values(SOURCE_ROOMS);
