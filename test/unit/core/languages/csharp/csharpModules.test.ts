import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { csharpModules } from '../../../../../src/core/languages/csharp/csharpModules';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import { ProjectFiles } from '../../../../../src/core/project/projectFiles';
import { resolveProjectReferences } from '../../../../../src/core/project/projectReferences';
import { tempProject } from '../../project/tempProject';

const SYSTEM = 'You are the travel assistant. Answer from the itinerary and never book without asking.';

suite('C#: prompt constants of other classes', () => {
  test("a class in a sibling folder of the project gives its constant's text; the search stops at the .csproj", async () => {
    const root = tempProject({
      'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      'App/Prompts/PromptConstants.cs': `namespace App.Prompts;\npublic static class PromptConstants\n{\n    public const string System = "${SYSTEM}";\n}\n`,
      'Other/PromptConstants.cs': 'public static class PromptConstants { public const string System = "Not this project."; }\n',
      'App/Services/Chat.cs': [
        'using OpenAI.Chat;',
        'public class Chat',
        '{',
        '    public string Ask(ChatClient client, string q) => client.CompleteChat(new SystemChatMessage(PromptConstants.System), new UserChatMessage(q)).Value.Content[0].Text;',
        '}',
      ].join('\n'),
    });
    const file = path.join(root, 'App/Services/Chat.cs');
    const source = fs.readFileSync(file, 'utf8');
    const prompts = await findPrompts(source, file);
    const read = await resolveProjectReferences(prompts, file, source, new ProjectFiles());
    assert.strictEqual(prompts.map((p) => p.imports?.['PromptConstants.System']).find((v) => v)?.text, SYSTEM);
    assert.deepStrictEqual(read, [path.join(root, 'App/Prompts/PromptConstants.cs')]);
    assert.ok(!csharpModules.candidates('./PromptConstants', file).includes(path.join(root, 'Other/PromptConstants.cs')), 'outside the project');
  });
});
