// Prints one closing line for the whole `npm test`, from the JSON reports of Vitest and Playwright,
// so a reader (or CI) sees in one place how many tests ran.
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const unit = read('test-results/vitest.json');
const e2e = read('test-results/playwright.json');

const unitPassed = unit.numPassedTests;
const unitFailed = unit.numFailedTests;
const e2ePassed = e2e.stats.expected;
const e2eFailed = e2e.stats.unexpected + e2e.stats.flaky;

console.log(`unit and database: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`tests: ${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exitCode = unitPassed + e2ePassed > 0 && unitFailed + e2eFailed === 0 ? 0 : 1;
