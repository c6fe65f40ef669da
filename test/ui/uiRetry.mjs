// Retry-once policy of the UI checks. A group of checks (one workbench page, e.g. "spend") runs; when one of
// its checks fails, the whole group runs once more on a fresh page (its checks are steps of one session and
// cannot be re-run alone). The attempt that counts is the last one:
//   - passed first time:      [  53.6 s] PASS spend: status bar shows …
//   - failed, retry passed:   [  53.6 s] PASS (retried once: <first failure>) spend: status bar shows …
//   - failed twice:           [  53.6 s] FAIL (failed twice; first: <first failure>) spend: …
// so `.ci/run`, which counts lines matching `^\[ *[0-9.]+ s\] (PASS|FAIL) `, counts each check once. The
// first attempt's own results are logged as `RETRY …` and `  attempt 1: …` lines, which it does not count.
// PCL_UI_FAIL_FIRST_ATTEMPT=<group>[,<group>…] or =all marks those groups' first attempt failed, to check
// that a retry works on the server the first attempt used (a retry that cannot pass would be no policy).
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ name: string, ok: boolean, detail?: string, retried?: string }} UiCheckResult
 * @param {string} group          name of the group, for the RETRY line
 * @param {() => Promise<UiCheckResult[]>} runGroup  one attempt; never throws for a failed check
 * @param {{ log: (m: string) => void, outDir: string }} options
 * @returns {Promise<UiCheckResult[]>} the results of the attempt that counts; `retried` holds the first
 *   attempt's failure when the group was retried
 */
export async function runChecksWithRetry(group, runGroup, { log, outDir }) {
  const first = await runAttempt(runGroup);
  const forced = (process.env.PCL_UI_FAIL_FIRST_ATTEMPT ?? '').split(',');
  if (forced.includes(group) || forced.includes('all')) first.push({ name: `${group}: PCL_UI_FAIL_FIRST_ATTEMPT`, ok: false, detail: 'failure forced by the environment' });
  if (first.every((r) => r.ok) && first.length > 0) {
    for (const r of first) log(`PASS ${describe(r)}`);
    return first;
  }
  const failed = first.find((r) => !r.ok);
  const firstFailure = failed ? `${failed.name}: ${failed.detail ?? 'failed'}` : 'the attempt reported no check';
  log(`RETRY ${group}: the first attempt failed (${firstFailure}); running the ${group} checks once more on a fresh page`);
  for (const r of first) log(`  attempt 1: ${r.ok ? 'ok' : 'NOT OK'} ${describe(r)}`);
  keepFailureScreenshots(outDir, log);
  const second = (await runAttempt(runGroup)).map((r) => ({ ...r, retried: firstFailure }));
  if (second.length === 0) second.push({ name: `${group}: the retry reported no check`, ok: false, retried: firstFailure });
  const short = firstFailure.length > 200 ? `${firstFailure.slice(0, 199)}…` : firstFailure;
  for (const r of second) log(r.ok ? `PASS (retried once: ${short}) ${describe(r)}` : `FAIL (failed twice; first: ${short}) ${describe(r)}`);
  return second;
}

async function runAttempt(runGroup) {
  try {
    return await runGroup();
  } catch (error) {
    // A group catches its own step failures; this is a bug or a crash in the check itself.
    return [{ name: 'the check itself', ok: false, detail: error instanceof Error ? error.stack ?? error.message : String(error) }];
  }
}

function describe(r) {
  return `${r.name}${r.detail ? ` (${r.detail})` : ''}`;
}

/** Renames the first attempt's `*-failure.png` to `*-failure-attempt1.png`, so the retry does not overwrite it. */
function keepFailureScreenshots(outDir, log) {
  for (const name of fs.existsSync(outDir) ? fs.readdirSync(outDir) : []) {
    if (!name.endsWith('-failure.png')) continue;
    const kept = name.replace(/-failure\.png$/, '-failure-attempt1.png');
    fs.renameSync(path.join(outDir, name), path.join(outDir, kept));
    log(`  attempt 1 screenshot kept as ${path.relative(process.cwd(), path.join(outDir, kept))}`);
  }
}
