import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import { ProjectFiles } from '../../../../src/core/project/projectFiles';
import { resolveResourcePlaceholders } from '../../../../src/core/project/resourcePlaceholders';

suite('classpath resources as prompt text (LangChain4j fromResource)', () => {
  test("the nearest module's src/main/resources file is the text; a missing one stays a placeholder", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-resources-'));
    const javaFile = path.join(root, 'src/main/java/org/example/chat/Assistant.java');
    fs.mkdirSync(path.dirname(javaFile), { recursive: true });
    fs.mkdirSync(path.join(root, 'src/main/resources/prompts'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/main/resources/prompts/system.st'), 'You help the clinic staff. Today is {{current_date}}.\n');
    const source = [
      'interface Assistant {',
      '  @SystemMessage(fromResource = "/prompts/system.st")',
      '  String chat(@UserMessage String q);',
      '  @SystemMessage(fromResource = "prompts/missing.st")',
      '  String other(@UserMessage String q);',
      '}',
    ].join('\n');
    fs.writeFileSync(javaFile, source);
    const prompts = await findPrompts(source, javaFile);
    const read = resolveResourcePlaceholders(prompts, javaFile, new ProjectFiles());
    const system = prompts.find((p) => p.startLine === 2)!;
    const imported = system.imports?.['resource:/prompts/system.st'];
    assert.strictEqual(imported?.text, 'You help the clinic staff. Today is {{current_date}}.\n');
    assert.deepStrictEqual(imported?.placeholders.map((p) => p.name), ['current_date']);
    assert.deepStrictEqual([...read], [path.join(root, 'src/main/resources/prompts/system.st')]);
    assert.strictEqual(prompts.find((p) => p.startLine === 4)?.imports, undefined);
  });
});
