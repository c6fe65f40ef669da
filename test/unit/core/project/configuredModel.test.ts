import * as assert from 'assert';
import * as path from 'path';
import { configuredModel } from '../../../../src/core/project/configuredModel';
import { ProjectFiles } from '../../../../src/core/project/projectFiles';
import type { SourceLanguage } from '../../../../src/core/prompts/prompt';
import { tempProject } from './tempProject';

function modelFor(root: string, rel: string, language: SourceLanguage, source = '') {
  const found = configuredModel(path.join(root, rel), language, source, new ProjectFiles());
  return found ? { model: found.model, file: path.relative(root, found.file).split(path.sep).join('/'), line: found.line } : null;
}

const JAVA_FILE = 'src/main/java/org/example/petclinic/genai/chat/ChatConfiguration.java';

suite('configuredModel (the model a project configuration names)', () => {
  test('Spring AI application.properties, found from a file deep in its package', () => {
    const root = tempProject({
      'src/main/resources/application.properties': [
        'spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.Snake',
        'spring.ai.openai.api-key=${OPENAI_API_KEY}',
        'spring.ai.openai.embedding.options.model=text-embedding-3-small',
        'spring.ai.openai.chat.options.model=gpt-4o',
      ].join('\n'),
      [JAVA_FILE]: 'class ChatConfiguration {}',
    });
    assert.deepStrictEqual(modelFor(root, JAVA_FILE, 'java'), { model: 'gpt-4o', file: 'src/main/resources/application.properties', line: 4 });
  });

  test('LangChain4j keys in application.yml', () => {
    const root = tempProject({
      'src/main/resources/application.yml': 'langchain4j:\n  open-ai:\n    chat-model:\n      api-key: ${OPENAI_API_KEY}\n      model-name: gpt-4o-mini\n',
      [JAVA_FILE]: '',
    });
    assert.deepStrictEqual(modelFor(root, JAVA_FILE, 'java'), { model: 'gpt-4o-mini', file: 'src/main/resources/application.yml', line: 5 });
  });

  test('appsettings.json with comments: the chat/completion deployment, never the embedding one', () => {
    const root = tempProject({
      'webapi/appsettings.json': [
        '{',
        '  // Embeddings first in the file',
        '  "Embedding": { "Deployment": "text-embedding-ada-002" },',
        '  "Ollama": { "ModelName": "llama3.1:8b" },',
        '  /* the chat model */',
        '  "Completion": { "Deployment": "gpt-4o", "Endpoint": "https://example.invalid" },',
        '}',
      ].join('\n'),
      'webapi/Plugins/ChatPlugin.cs': '',
    });
    assert.deepStrictEqual(modelFor(root, 'webapi/Plugins/ChatPlugin.cs', 'csharp'), { model: 'gpt-4o', file: 'webapi/appsettings.json', line: 6 });
  });

  test('.env.example for Python and TypeScript; variable names and placeholders are never models', () => {
    const root = tempProject({
      '.env.example': 'OPENAI_API_KEY=sk-...\nEMBEDDING_MODEL=text-embedding-3-small\nCHAT_MODEL=GPT4_DEPLOYMENT\nOPENAI_MODEL=gpt-4.1-mini\n',
      'app/main.py': '',
      'web/route.ts': '',
    });
    assert.deepStrictEqual(modelFor(root, 'app/main.py', 'python'), { model: 'gpt-4.1-mini', file: '.env.example', line: 4 });
    assert.deepStrictEqual(modelFor(root, 'web/route.ts', 'typescript')?.model, 'gpt-4.1-mini');
  });

  test('a task.json counts only when the code looks "model" up by name', () => {
    const root = tempProject({ 'multi_agents/task.json': '{\n  "query": "x",\n  "model": "gpt-5.4"\n}\n', 'multi_agents/agents/writer.py': '' });
    assert.deepStrictEqual(modelFor(root, 'multi_agents/agents/writer.py', 'python', 'call_model(prompt, task.get("model"))'), { model: 'gpt-5.4', file: 'multi_agents/task.json', line: 3 });
    assert.strictEqual(modelFor(root, 'multi_agents/agents/writer.py', 'python', 'call_model(prompt)'), null);
  });

  test('Prompt flow: the flow.dag.yaml node that runs this prompt file', () => {
    const root = tempProject({
      'flow/flow.dag.yaml': [
        'nodes:',
        '- name: other',
        '  source: { type: code, path: other.jinja2 }',
        '  inputs: { deployment_name: gpt-35-turbo }',
        '- name: chat',
        '  type: llm',
        '  source:',
        '    type: code',
        '    path: chat.jinja2',
        '  inputs:',
        '    deployment_name: gpt-4',
      ].join('\n'),
      'flow/chat.jinja2': 'system:\nYou are helpful.',
    });
    assert.deepStrictEqual(modelFor(root, 'flow/chat.jinja2', 'jinja'), { model: 'gpt-4', file: 'flow/flow.dag.yaml', line: 11 });
  });

  test('no configuration, or one that names no chat model: null', () => {
    const root = tempProject({ 'appsettings.json': '{ "Logging": { "LogLevel": "Information" }, "OpenAI": { "ModelId": "${MODEL}" } }', 'a/b.cs': '', 'c.py': '' });
    assert.strictEqual(modelFor(root, 'a/b.cs', 'csharp'), null);
    assert.strictEqual(modelFor(root, 'c.py', 'python'), null);
  });
});
