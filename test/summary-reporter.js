/**
 * Prints one plain closing line, "jest: N passed, N failed", so that a CI reading only the last lines
 * of the log sees how many tests ran, whatever jest's own summary looks like.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suffix = skipped ? `, ${skipped} skipped` : '';
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests}${results.numRuntimeErrorTestSuites ? ` failed (+${results.numRuntimeErrorTestSuites} suites failed to run)` : ' failed'}${suffix}\n`);
  }
}
module.exports = SummaryReporter;
