// Mocha entry loaded by the VS Code extension host (`extensionTestsPath`). Both runners use it:
// test/integration/runOffline.mjs (code-server) and test/integration/runElectron.ts (@vscode/test-electron).
import { runMochaIn } from '../mochaInHost';

/** Runs every `*.test.js` in this folder; rejects when a test fails. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
