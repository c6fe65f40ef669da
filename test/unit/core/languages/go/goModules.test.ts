import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { goModules } from '../../../../../src/core/languages/go/goModules';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import { ProjectFiles } from '../../../../../src/core/project/projectFiles';
import { resolveProjectReferences } from '../../../../../src/core/project/projectReferences';
import { tempProject } from '../../project/tempProject';

const SYSTEM = 'You write conventional commit messages. Use the imperative mood and keep the title under 50 characters.';

suite("Go: prompt constants of the project's own packages", () => {
  test('a package imported by its module path: the constant is read from whichever file of the package holds it', async () => {
    const root = tempProject({
      'go.mod': 'module github.com/acme/app\n\ngo 1.22\n',
      'prompts/doc.go': 'package prompts\n\n// Package prompts holds the prompts.\n',
      'prompts/commit.go': `package prompts\n\nconst SystemPrompt = "${SYSTEM}"\n`,
      'prompts/commit_test.go': 'package prompts\n\nconst SystemPrompt = "not this one"\n',
      'cmd/commit.go': [
        'package cmd',
        '',
        'import (',
        '\topenai "github.com/sashabaranov/go-openai"',
        '\t"github.com/acme/app/prompts"',
        ')',
        '',
        'func ask(c *openai.Client, diff string) {',
        '\tc.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: openai.GPT4oMini, Messages: []openai.ChatCompletionMessage{',
        '\t\t{Role: openai.ChatMessageRoleSystem, Content: prompts.SystemPrompt},',
        '\t\t{Role: openai.ChatMessageRoleUser, Content: diff},',
        '\t}})',
        '}',
      ].join('\n'),
    });
    const file = path.join(root, 'cmd/commit.go');
    const source = fs.readFileSync(file, 'utf8');
    const prompts = await findPrompts(source, file);
    const read = await resolveProjectReferences(prompts, file, source, new ProjectFiles());
    const imported = prompts.map((p) => p.imports?.['prompts.SystemPrompt']).find((v) => v);
    assert.deepStrictEqual([imported?.text, imported?.file, imported?.line], [SYSTEM, path.join(root, 'prompts/commit.go'), 3]);
    assert.deepStrictEqual(read, [path.join(root, 'prompts/commit.go')]);
  });

  test('packages outside the module (the SDK) are never project files', () => {
    const root = tempProject({ 'go.mod': 'module github.com/acme/app\n', 'main.go': 'package main\n' });
    assert.deepStrictEqual(goModules.candidates('github.com/sashabaranov/go-openai', path.join(root, 'main.go')), []);
  });
});
