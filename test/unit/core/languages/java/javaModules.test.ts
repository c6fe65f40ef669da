import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { javaModules } from '../../../../../src/core/languages/java/javaModules';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import { ProjectFiles } from '../../../../../src/core/project/projectFiles';
import { resolveProjectReferences } from '../../../../../src/core/project/projectReferences';
import { tempProject } from '../../project/tempProject';

const SYSTEM = 'You are the support assistant of Acme. Answer from the manual only and cite the section.';

suite('Java: prompt constants of other classes', () => {
  test('an imported class, a static import and a class of the same package each give the constant its text', async () => {
    const prompts = `package com.acme.prompts;\npublic final class Prompts {\n  public static final String SYSTEM_PROMPT = "${SYSTEM}";\n}\n`;
    const root = tempProject({
      'src/main/java/com/acme/prompts/Prompts.java': prompts,
      'src/main/java/com/acme/chat/Local.java': `package com.acme.chat;\nfinal class Local {\n  static final String RULES_PROMPT = "Never promise a refund; a manager decides refunds.";\n}\n`,
      'src/main/java/com/acme/chat/Bot.java': [
        'package com.acme.chat;',
        'import com.acme.prompts.Prompts;',
        'import static com.acme.prompts.Prompts.SYSTEM_PROMPT;',
        'class Bot {',
        '  String a(ChatClient c, String q) { return c.prompt().system(Prompts.SYSTEM_PROMPT).user(q).call().content(); }',
        '  String b(ChatClient c, String q) { return c.prompt().system(SYSTEM_PROMPT).user(q).call().content(); }',
        '  String d(ChatClient c, String q) { return c.prompt().system(Local.RULES_PROMPT).user(q).call().content(); }',
        '}',
      ].join('\n'),
    });
    const file = path.join(root, 'src/main/java/com/acme/chat/Bot.java');
    const source = fs.readFileSync(file, 'utf8');
    const found = await findPrompts(source, file);
    const read = await resolveProjectReferences(found, file, source, new ProjectFiles());
    const value = (name: string) => found.map((p) => p.imports?.[name]).find((v) => v);
    assert.strictEqual(value('Prompts.SYSTEM_PROMPT')?.text, SYSTEM);
    assert.strictEqual(value('SYSTEM_PROMPT')?.text, SYSTEM);
    assert.strictEqual(value('Local.RULES_PROMPT')?.text, 'Never promise a refund; a manager decides refunds.');
    assert.deepStrictEqual(read.sort(), [path.join(root, 'src/main/java/com/acme/chat/Local.java'), path.join(root, 'src/main/java/com/acme/prompts/Prompts.java')]);
  });

  test('a wildcard import is not followed; a class path maps under the source roots above the file', () => {
    const candidates = javaModules.candidates('com.acme.prompts.Prompts', '/r/app/src/main/java/com/acme/chat/Bot.java');
    assert.ok(candidates.includes(path.join('/r/app/src/main/java/com/acme/prompts/Prompts.java')));
    assert.deepStrictEqual(javaModules.candidates('./Local', '/r/x/Bot.java'), [path.join('/r/x/Local.java')]);
  });
});
