// Runs the integration suite in desktop VS Code through @vscode/test-electron, which downloads VS Code:
// for machines with internet access (this project's CI machines have none; they use runOffline.mjs).
// Runs against the minimum version in package.json "engines.vscode" and against stable, like rust-analyzer.
// Usage: npm run test:electron        VSCODE_TEST_VERSIONS="1.95.0,insiders" to choose other versions.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/** out/test/integration/ → repository root. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function versionsToTest(): string[] {
  const fromEnv = process.env.VSCODE_TEST_VERSIONS;
  if (fromEnv) return fromEnv.split(',').map((v) => v.trim()).filter(Boolean);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
  };
  const minimum = manifest.engines.vscode.replace(/^[\^~>=\s]+/, '');
  return [minimum, 'stable'];
}

async function main(): Promise<void> {
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
  for (const version of versionsToTest()) {
    // A fresh copy of examples/ per run: tests may write into the workspace.
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-electron-ws-'));
    fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    try {
      console.log(`Running the integration suite in VS Code ${version}`);
      await runTests({
        version,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath,
        // Only this extension: installed ones would slow the host down and could interfere.
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      });
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error('Integration tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
