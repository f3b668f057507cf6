/** Unit, integration and contract tests. Browser tests run separately (npm run test:browser). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  // The UI imports src/shared as @shared/... (decision 0007), as Vite and both tsconfigs resolve it.
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/src/shared/$1' },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
