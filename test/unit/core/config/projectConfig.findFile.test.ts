import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findProjectConfigFile, findProjectConfigFileAsync } from '../../../../src/core/config/projectConfig';

// The editor's asynchronous search must find exactly what the CLI's synchronous one finds.
suite('project config: finding the file without blocking', () => {
  let tmp: string;
  setup(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-config-async-'));
  });
  teardown(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function same(dir: string, expected: string | null): Promise<void> {
    assert.strictEqual(await findProjectConfigFileAsync(dir), expected);
    assert.strictEqual(findProjectConfigFile(dir), expected);
  }

  test('nearest file upwards; .yaml nearer wins', async () => {
    const deep = path.join(tmp, 'repo/src/app');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'repo/.promptcost.yml'), 'models: [gpt-4o]\n');
    await same(deep, path.join(tmp, 'repo/.promptcost.yml'));
    fs.writeFileSync(path.join(tmp, 'repo/src/.promptcost.yaml'), 'models: [gpt-4o]\n');
    await same(deep, path.join(tmp, 'repo/src/.promptcost.yaml'));
  });

  test('stops at the repository root (.git folder or file); a folder named .promptcost.yml is no file', async () => {
    fs.writeFileSync(path.join(tmp, '.promptcost.yml'), 'models: [gpt-4o]\n');
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'src', '.promptcost.yml'), { recursive: true });
    await same(path.join(repo, 'src'), null);
    const worktree = path.join(tmp, 'worktree');
    fs.mkdirSync(worktree);
    fs.writeFileSync(path.join(worktree, '.git'), 'gitdir: elsewhere\n');
    await same(worktree, null);
    await same(tmp, path.join(tmp, '.promptcost.yml'));
  });
});
