import type { SalesSourceView } from '../../../../shared/model/sources';
import { PosCardActions } from '../PosCardActions';

/** On Lightspeed's card: its connection screen, and its locations once synced. */
export function LightspeedCardActions({ source }: { source: SalesSourceView }) {
  return <PosCardActions source={source} screen="connection" places="Locations" />;
}
