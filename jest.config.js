/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type-checking is a separate test (test/typecheck.test.ts runs tsc); here we only transpile.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/generated/koala/dist/"],
  testTimeout: 60000,
  // One worker per core. Jest's default (cores - 1) is a single in-band worker on CI's 2 cores, which
  // leaves a core idle whenever no test has a child process (the CLI, tsc) running on it.
  maxWorkers: "100%",
};
