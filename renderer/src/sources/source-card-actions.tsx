// Each source's own buttons on its Sales sources card, from its screen folder: a new source registers
// its actions here, once (a kind without them fails the type check).
import type { JSX } from 'react';
import type { SalesSourceView } from '../../../shared/model/sources';
import type { SalesSourceKind } from '../../../shared/model/transfers';
import { CsvCardActions } from './csv/CsvCardActions';
import { LightspeedCardActions } from './lightspeed/LightspeedCardActions';
import { SidesCardActions } from './sides/SidesCardActions';

export type SourceCardActions = (props: { source: SalesSourceView }) => JSX.Element;

export const sourceCardActions: Record<SalesSourceKind, SourceCardActions> = { lightspeed: LightspeedCardActions, sides: SidesCardActions, csv: CsvCardActions };
