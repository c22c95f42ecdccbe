import { create } from 'zustand';

export const sections = ['connection', 'locations', 'items', 'logs', 'ledger', 'inventory', 'settings'] as const;
export type Section = (typeof sections)[number];

export const sectionLabels: Record<Section, string> = {
  connection: 'Connection',
  locations: 'Locations',
  items: 'Items',
  logs: 'Logs',
  ledger: 'Ledger',
  inventory: 'Inventory',
  settings: 'Settings',
};

interface NavigationState {
  section: Section;
  go(section: Section): void;
}

function fromHash(): Section {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (sections as readonly string[]).includes(hash) ? (hash as Section) : 'inventory';
}

/** The section lives in the address fragment too, so reload and back/forward keep the place. */
export const useNavigation = create<NavigationState>((set) => ({
  section: fromHash(),
  go(section) {
    if (window.location.hash !== `#/${section}`) window.history.pushState(null, '', `#/${section}`);
    set({ section });
  },
}));

window.addEventListener('popstate', () => useNavigation.setState({ section: fromHash() }));
