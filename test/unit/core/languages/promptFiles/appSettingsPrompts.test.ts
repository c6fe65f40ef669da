import * as assert from 'assert';
import { findPromptsInAppSettings } from '../../../../../src/core/languages/promptFiles/appSettingsPrompts';

const SETTINGS = [
  '{',
  '  // Chat model settings',
  '  "Completion": { "Deployment": "gpt-4o" },',
  '  /* prompts used by the chat plugin */',
  '  "Prompts": {',
  '    "CompletionTokenLimit": 4096,',
  '    "SystemDescription": "This is a chat between an AI bot named Copilot and one or more participants. Knowledge cutoff: {{$knowledgeCutoff}}.",',
  '    "InitialBotMessage": "Hello, thank you for trying the bot! How can I help you today?",',
  '    "KnowledgeCutoffDate": "Saturday, January 1, 2022",',
  '    "MemoryFormat": "{\\"items\\": [{\\"label\\": string, \\"details\\": string }]}",',
  '    "WorkingMemoryName": "WorkingMemory", // a container name',
  '    "Steps": ["Read the whole message before you answer it.", "x"]',
  '  },',
  '  "Logging": { "Description": "Logs every request made to the service in detail." }',
  '}',
].join('\n');

suite('prompts in .NET appsettings.json', () => {
  test('the strings of a prompts section are prompts, each its own implied call, with SK placeholders', () => {
    const prompts = findPromptsInAppSettings(SETTINGS);
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.name, p.kind]), [
      [7, 'Prompts:SystemDescription', 'template'],
      [10, 'Prompts:MemoryFormat', 'literal'],
      [12, 'Prompts:Steps:0', 'literal'],
    ]);
    assert.deepStrictEqual(prompts[0].placeholders.map((p) => p.name), ['knowledgeCutoff']);
    assert.strictEqual(prompts[1].text, '{"items": [{"label": string, "details": string }]}', 'escapes decoded');
    // Offsets span the string's content (what Compress would replace), quotes excluded.
    const raw = SETTINGS.slice(prompts[1].startOffset, prompts[1].endOffset);
    assert.ok(raw.startsWith('{\\"items') && raw.endsWith('}]}'), raw);
    assert.strictEqual(JSON.parse(`"${raw}"`), prompts[1].text);
    const calls = new Set(prompts.map((p) => p.calls?.[0].call.key));
    assert.strictEqual(calls.size, 3, 'one implied call each');
    assert.ok(prompts.every((p) => p.calls?.[0].call.implied));
  });

  test('no prompts section, or not JSON: nothing', () => {
    assert.deepStrictEqual(findPromptsInAppSettings('{ "Logging": { "Description": "Logs every request made to the service in detail." } }'), []);
    assert.deepStrictEqual(findPromptsInAppSettings('{ "Prompts": { "System": "You are a helpful assistant for the team." '), []);
  });
});
