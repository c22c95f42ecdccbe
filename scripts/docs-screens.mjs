// Copies the screenshots the README shows from the end-to-end suite's output (test-results/screens,
// written by `npm run test:e2e`) into docs/screens, where they are checked in. `npm run screens` runs
// both; a screenshot the suite no longer takes fails here instead of leaving an old picture behind.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const shown = ['demo-home', 'home-dashboard', 'items-work-list', 'mapping-sheet-suggestions', 'reprocess-preview', 'location-coverage-overrides', 'log-detail-plain', 'connection-active'];
mkdirSync('docs/screens', { recursive: true });
const missing = shown.filter((name) => !existsSync(`test-results/screens/${name}.png`));
if (missing.length > 0) {
  console.error(`Not in test-results/screens (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of shown) copyFileSync(`test-results/screens/${name}.png`, `docs/screens/${name}.png`);
console.log(`${shown.length} screenshots copied to docs/screens`);
