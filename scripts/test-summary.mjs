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

/** Playwright's skipped tests with the reason each gave (test.skip(condition, reason)). */
function playwrightSkips(suite, out = []) {
  for (const child of suite.suites ?? []) playwrightSkips(child, out);
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'skipped') continue;
      const reason = (test.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
      out.push(`${spec.file}: ${spec.title} — ${reason}`);
    }
  }
  return out;
}

function vitestSkips(report) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'skipped' || t.status === 'pending')
      .map((t) => `${file.name.replace(process.cwd() + '/', '')}: ${t.fullName}`),
  );
}

const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(
  `(vitest ${vitest.numPassedTests} passed; Playwright ${playwright.stats.expected} passed, ${playwright.stats.skipped} skipped)`,
);
for (const line of [...vitestSkips(vitest), ...playwright.suites.flatMap((suite) => playwrightSkips(suite))])
  console.log(`skipped: ${line}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exit(1);
