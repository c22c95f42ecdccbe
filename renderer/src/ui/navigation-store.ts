import { create } from 'zustand';

/** The navigation's sections, in order. */
export const sections = ['home', 'sources', 'locations', 'items', 'logs', 'ledger', 'inventory', 'reports', 'settings', 'people'] as const;
/** Every place, the sections and the screens reached from them (Sales sources → Lightspeed, a CSV profile, Upload). */
const places = [...sections, 'connection', 'sides', 'csv-profile', 'upload'] as const;
export type Section = (typeof places)[number];

/** Which section's navigation entry a screen belongs under. */
export const sectionOf = (section: Section): (typeof sections)[number] => (section === 'connection' || section === 'sides' || section === 'csv-profile' || section === 'upload' ? 'sources' : section);

export const sectionLabels: Record<Section, string> = {
  home: 'Home',
  sources: 'Sales sources',
  connection: 'Lightspeed K-Series',
  sides: 'Sides POS',
  'csv-profile': 'CSV profile',
  upload: 'Upload sales',
  locations: 'Locations',
  items: 'Items',
  logs: 'Transfer logs',
  ledger: 'Ledger',
  inventory: 'Inventory',
  reports: 'Reports',
  settings: 'Settings',
  people: 'People',
};

/** A place in the app: a section and, for detail screens, what it shows (a location id, a log id). */
export interface Place {
  section: Section;
  detail: string | null;
  /** Filters handed over by a link, such as "this location's logs". */
  query: Record<string, string>;
}

interface NavigationState extends Place {
  go(section: Section, detail?: string | null, query?: Record<string, string>): void;
}

function hashOf({ section, detail, query }: Place): string {
  const search = new URLSearchParams(query).toString();
  return `#/${section}${detail ? `/${encodeURIComponent(detail)}` : ''}${search ? `?${search}` : ''}`;
}

function fromHash(): Place {
  const [path = '', search = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  const [section, detail] = path.split('/');
  const known = (places as readonly string[]).includes(section ?? '');
  return {
    section: known ? (section as Section) : 'home',
    detail: known && detail ? decodeURIComponent(detail) : null,
    query: Object.fromEntries(new URLSearchParams(search)),
  };
}

/** The place lives in the address fragment too, so reload and back/forward keep it. */
export const useNavigation = create<NavigationState>((set) => ({
  ...fromHash(),
  go(section, detail = null, query = {}) {
    const place = { section, detail, query };
    if (window.location.hash !== hashOf(place)) window.history.pushState(null, '', hashOf(place));
    set(place);
    window.scrollTo(0, 0);
  },
}));

window.addEventListener('popstate', () => useNavigation.setState(fromHash()));

/**
 * A screen's tab, kept in the address (`?tab=`), so back, forward and reload return to it; an unknown
 * or missing tab is the screen's first.
 */
export function useTab<T extends string>(tabs: readonly T[], fallback: T): [T, (next: string | null) => void] {
  const { section, detail, query, go } = useNavigation();
  const tab = (tabs as readonly string[]).includes(query.tab ?? '') ? (query.tab as T) : fallback;
  return [tab, (next) => go(section, detail, { ...query, tab: next ?? fallback })];
}
