import type { SalesSourceView } from '../../../../shared/model/sources';
import { PosCardActions } from '../PosCardActions';

/** On Sides' card: its connection screen, and its stores once synced. */
export function SidesCardActions({ source }: { source: SalesSourceView }) {
  return <PosCardActions source={source} screen="sides" places="Stores" />;
}
