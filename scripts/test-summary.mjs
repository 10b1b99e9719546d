// Prints one closing line for the whole `npm test`: the counts of vitest and Playwright together,
// e.g. "Tests: 612 passed, 0 failed, 3 skipped". Skipped tests say why in their own output.
import { readFileSync } from 'node:fs';

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`test-summary: cannot read ${file} (${error.code ?? error.message})`);
    process.exit(1);
  }
}

const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(`(vitest ${vitest.numPassedTests} passed; Playwright ${playwright.stats.expected} passed, ${playwright.stats.skipped} skipped)`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exit(1);
