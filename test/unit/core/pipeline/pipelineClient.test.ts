// The pipeline client as the CLI uses it in-process: it answers scans, and once disposed it answers nothing
// and starts nothing (a scan that failed must not go on in a pipeline nobody will dispose). Its worker
// prices with the catalogue in use on the sending thread.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../src/core/config/engineSettings';
import { PipelineClient, type PipelineLog } from '../../../../src/core/pipeline/pipelineClient';
import type { CatalogueData } from '../../../../src/core/pricing/catalogueData';
import { bundledCatalogue, useCatalogue } from '../../../../src/core/pricing/catalogueInUse';

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

  test('the worker prices with the catalogue in use here: from its start, and after each change', async function () {
    this.timeout(30_000);
    const bundled = bundledCatalogue();
    const dear: CatalogueData = { ...bundled, models: { ...bundled.models, 'gpt-4o': { ...bundled.models['gpt-4o'], input: 250, output: 1000 } } };
    const warnings: string[] = [];
    const client = new PipelineClient({ ...SILENT, warn: (m) => warnings.push(m) });
    const cost = async () => {
      const [result] = await client.scanFiles([{ path: file, language: 'python' }], { settings: DEFAULT_ENGINE_SETTINGS, cwd: dir });
      return result.findings.calls[0].estimates[0].cost?.typical ?? NaN;
    };
    try {
      useCatalogue(dear);
      const dearCost = await cost();
      useCatalogue(null);
      client.catalogueChanged();
      const bundledCost = await cost();
      assert.ok(Math.abs(dearCost / bundledCost - 100) < 1e-9, `${dearCost} against ${bundledCost}: gpt-4o at 100 × its price`);
      useCatalogue(dear);
      client.catalogueChanged();
      assert.strictEqual(await cost(), dearCost);
      assert.deepStrictEqual(warnings, [], 'it ran in the worker');
    } finally {
      useCatalogue(null);
      client.dispose();
    }
  });
});
