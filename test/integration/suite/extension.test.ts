// First end-to-end check in a real extension host: the extension is there, activates, and its command runs.
import * as assert from 'assert';
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const SHOW_LOG = 'promptCost.showLog';

function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this host`);
  return extension;
}

suite('Extension host: Prompt Cost Lens loads', () => {
  test('the extension is present', () => {
    const extension = getExtension();
    // Printed so the run log shows which copy was tested (the unpacked .vsix offline, the repo with test-electron).
    console.log(`VS Code ${vscode.version}, extension ${extension.packageJSON.version} from ${extension.extensionPath}`);
    assert.strictEqual(extension.packageJSON.name, 'prompt-cost-lens');
  });

  test('it activates', async () => {
    const extension = getExtension();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test(`${SHOW_LOG} is registered and executes`, async () => {
    await getExtension().activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SHOW_LOG), `${SHOW_LOG} missing from getCommands(true)`);
    // Rejects if the command is unknown or its handler throws.
    await vscode.commands.executeCommand(SHOW_LOG);
  });
});
