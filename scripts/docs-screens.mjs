// Copies the screenshots the README shows from the end-to-end suite's output (test-results/screens,
// written by `npm run test:e2e`) into docs/screens, where they are checked in. `npm run screens` runs
// both; a screenshot the suite no longer takes fails here instead of leaving an old picture behind.
// Which ones: every docs/screens/NAME.png the README names, so the list cannot drift from it.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const shown = [...new Set([...readFileSync('README.md', 'utf8').matchAll(/docs\/screens\/([\w-]+)\.png/g)].map((match) => match[1]))];
mkdirSync('docs/screens', { recursive: true });
const missing = shown.filter((name) => !existsSync(`test-results/screens/${name}.png`));
if (missing.length > 0) {
  console.error(`Not in test-results/screens (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of shown) copyFileSync(`test-results/screens/${name}.png`, `docs/screens/${name}.png`);
console.log(`${shown.length} screenshots copied to docs/screens`);
