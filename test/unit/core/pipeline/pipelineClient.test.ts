// The pipeline client as the CLI uses it in-process: it answers scans, and once disposed it answers nothing
// and starts nothing (a scan that failed must not go on in a pipeline nobody will dispose).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../src/core/config/engineSettings';
import { PipelineClient, type PipelineLog } from '../../../../src/core/pipeline/pipelineClient';

const SILENT: PipelineLog = { debug: () => undefined, warn: () => undefined, error: () => undefined };

suite('pipeline: client', () => {
  let dir: string;
  let file: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-client-'));
    file = path.join(dir, 'bot.py');
    fs.writeFileSync(file, 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Say hello to the team."}])\n');
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('in-process, a scan is answered; after dispose every request is refused', async () => {
    const client = new PipelineClient(SILENT, { inProcess: true });
    const [result] = await client.scanFiles([{ path: file, language: 'python' }], { settings: DEFAULT_ENGINE_SETTINGS, cwd: dir });
    assert.strictEqual(result.findings.prompts.length, 1);
    assert.strictEqual(result.findings.prompts[0].text, 'Say hello to the team.');
    assert.deepStrictEqual(result.findings.calls.map((c) => [c.startLine, c.prompts]), [[3, ['p0']]]);
    client.dispose();
    await assert.rejects(client.scanFiles([{ path: file, language: 'python' }], { settings: DEFAULT_ENGINE_SETTINGS, cwd: dir }), /disposed/);
  });

  test('a client whose worker script is missing says so, on the thread it names, and still answers', async () => {
    const warnings: string[] = [];
    const client = new PipelineClient({ ...SILENT, warn: (m) => warnings.push(m) }, { hostThread: 'the main thread' }, path.join(dir, 'no-such-worker.js'));
    const [result] = await client.scanFiles([{ path: file, language: 'python' }], { settings: DEFAULT_ENGINE_SETTINGS, cwd: dir });
    client.dispose();
    assert.strictEqual(result.findings.calls.length, 1);
    assert.deepStrictEqual(warnings.map((w) => /in-process, on the main thread/.test(w)), [true]);
  });
});
