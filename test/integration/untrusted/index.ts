// Mocha entry (`extensionTestsPath`) of the restricted-mode run: runOffline.mjs loads it in a code-server
// started WITH workspace trust, on a workspace that is not trusted (see untrustedWorkspace.ts).
import { runMochaIn } from '../mochaInHost';

/** Runs every `*.test.js` in this folder; rejects when a test fails. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
