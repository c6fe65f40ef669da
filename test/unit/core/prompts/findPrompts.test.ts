/**
 * Focused cases for prompt discovery: each placeholder syntax, concatenation, escapes, model inference,
 * evidence, the cheap pre-filter, file-type detection, and a large generated file.
 */
import * as assert from 'assert';
import { findPrompts, findPromptsSync, hasLlmSignal, warmGrammar } from '../../../../src/core/prompts/findPrompts';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { grammarForLanguage, languageForFile } from '../../../../src/core/prompts/sourceLanguage';

async function only(source: string, file: string): Promise<FoundPrompt> {
  const found = await findPrompts(source, file);
  assert.strictEqual(found.length, 1, `expected one prompt, got ${JSON.stringify(found.map((p) => p.text))}`);
  return found[0];
}

function chatPy(content: string, extra = ''): string {
  return `from openai import OpenAI\nclient = OpenAI()\n${extra}\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ${content}}])\n`;
}

suite('prompt discovery: placeholders', () => {
  test('Python f-string: interpolations verbatim, {{ }} decoded, conversions and format specs kept', async () => {
    const p = await only(chatPy('f"Hi {name!r}, see {{literal}} and {row.total:>10}."'), 'a.py');
    assert.strictEqual(p.text, 'Hi {name!r}, see {literal} and {row.total:>10}.');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.raw, x.name, x.syntax, x.offset]), [
      ['{name!r}', 'name', 'fstring', 3],
      ['{row.total:>10}', 'row.total', 'fstring', 31],
    ]);
    assert.strictEqual(p.kind, 'template');
  });

  test('str.format: a constant that flows into .format(...) is a format template', async () => {
    const p = await only(chatPy('QA.format(q=question)', 'QA = "Question: {q}\\nAnswer in {0} words:"'), 'a.py');
    assert.strictEqual(p.text, 'Question: {q}\nAnswer in {0} words:');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.raw, x.syntax]), [['{q}', 'format'], ['{0}', 'format']]);
    assert.strictEqual(p.evidence, 'flow');
    assert.strictEqual(p.name, 'QA');
  });

  test('braces in a plain string are not placeholders', async () => {
    const p = await only(chatPy('"Return JSON like {\\"answer\\": 1}."'), 'a.py');
    assert.strictEqual(p.text, 'Return JSON like {"answer": 1}.');
    assert.strictEqual(p.kind, 'literal');
    assert.deepStrictEqual(p.placeholders, []);
  });

  test('percent formatting: %s and %(name)s when used with %', async () => {
    const named = await only(chatPy('ASK % {"topic": t, "n": 3}', 'ASK = "Explain %(topic)s in %(n)d steps; be 100%% accurate."'), 'a.py');
    assert.deepStrictEqual(named.placeholders.map((x) => [x.raw, x.name, x.syntax]), [
      ['%(topic)s', 'topic', 'percent'],
      ['%(n)d', 'n', 'percent'],
    ]);
    const positional = await only(chatPy('"Compare %s with %s." % (a, b)'), 'a.py');
    assert.deepStrictEqual(positional.placeholders.map((x) => [x.raw, x.name]), [['%s', 'arg0'], ['%s', 'arg1']]);
    const notUsedWithPercent = await only(chatPy('"Give a 50%s discount."'), 'a.py');
    assert.deepStrictEqual(notUsedWithPercent.placeholders, []);
  });

  test('JS/TS template literal: ${expr} substitutions', async () => {
    const src = "import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `Rate ${item.name} from 1 to ${max}` }] });\n";
    const p = await only(src, 'a.ts');
    assert.strictEqual(p.text, 'Rate ${item.name} from 1 to ${max}');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.raw, x.name, x.syntax, x.offset]), [
      ['${item.name}', 'item.name', 'dollar', 5],
      ['${max}', 'max', 'dollar', 28],
    ]);
  });

  test('LangChain mustache and Jinja templates; Semantic Kernel {{$input}}', async () => {
    const mustache = await only('from langchain_core.prompts import PromptTemplate\nt = PromptTemplate.from_template("Hello {{ name }}, {ignored}", template_format="mustache")\n', 'a.py');
    assert.deepStrictEqual(mustache.placeholders.map((x) => [x.raw, x.name, x.syntax]), [['{{ name }}', 'name', 'mustache']]);

    const jinja = await only('from llama_index.core.prompts import RichPromptTemplate\nt = RichPromptTemplate("{% for d in docs %}{{ d.text }}{% endfor %} Answer: {{ question }}")\n', 'a.py');
    assert.deepStrictEqual(jinja.placeholders.map((x) => x.syntax), ['jinjaBlock', 'mustache', 'jinjaBlock', 'mustache']);

    const sk = await only('import semantic_kernel as sk\nkernel.add_function(plugin_name="w", function_name="s", prompt="Summarize: {{$input}}")\n', 'a.py');
    assert.deepStrictEqual(sk.placeholders.map((x) => [x.raw, x.name, x.syntax]), [['{{$input}}', 'input', 'mustache']]);
  });
});

suite('prompt discovery: concatenation and escapes', () => {
  test('Python implicit concatenation in parentheses is one prompt spanning its string parts', async () => {
    const src = 'import anthropic\nclient = anthropic.Anthropic()\nSYSTEM = (\n    "You are terse. "\n    f"Today is {today}.\\n"\n    "Answer in English."\n)\nclient.messages.create(model="claude-sonnet-4-5", max_tokens=10, system=SYSTEM, messages=[])\n';
    const p = await only(src, 'a.py');
    assert.strictEqual(p.text, 'You are terse. Today is {today}.\nAnswer in English.');
    assert.deepStrictEqual([p.startLine, p.endLine], [4, 6]);
    assert.deepStrictEqual(p.placeholders.map((x) => x.offset), [24]);
    assert.strictEqual(p.role, 'system');
    assert.strictEqual(p.maxOutputTokens, 10);
  });

  test('Python "+" with a variable: the variable becomes a placeholder, constants are folded', async () => {
    const p = await only(chatPy('PREFIX + "Context: " + doc', 'PREFIX = "Use the context. "'), 'a.py');
    assert.strictEqual(p.text, 'Use the context. Context: {doc}');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.raw, x.syntax]), [['{doc}', 'fstring']]);
  });

  test('"\\n".join([...]) of literals is one prompt', async () => {
    const p = await only(chatPy('"\\n".join(["Line one.", "Line two.", extra])'), 'a.py');
    assert.strictEqual(p.text, 'Line one.\nLine two.\n{extra}');
  });

  test('JS "+" across lines and multi-line template literals', async () => {
    const src = "import { generateText } from 'ai';\nawait generateText({\n  model: 'gpt-4o',\n  system: 'You are a poet. ' +\n    'Rhyme every line.',\n  prompt: `Write about\n${topic}\nin four lines`,\n});\n";
    const found = await findPrompts(src, 'a.mjs');
    assert.deepStrictEqual(found.map((p) => [p.text, p.startLine, p.endLine, p.role]), [
      ['You are a poet. Rhyme every line.', 4, 5, 'system'],
      ['Write about\n${topic}\nin four lines', 6, 8, 'user'],
    ]);
  });

  test('escapes are decoded; raw strings are not; special tokens stay text', async () => {
    const py = await only(chatPy('"Tab:\\t caf\\u00e9 \\\\n <|endoftext|>"'), 'a.py');
    assert.strictEqual(py.text, 'Tab:\t café \\n <|endoftext|>');
    const raw = await only(chatPy('r"Keep \\d+ as is"'), 'a.py');
    assert.strictEqual(raw.text, 'Keep \\d+ as is');
    const js = await only("import { generateText } from 'ai';\ngenerateText({ model: 'gpt-4o', prompt: 'It\\'s \\u{1F600}\\n<|im_start|>' });\n", 'a.js');
    assert.strictEqual(js.text, "It's \u{1F600}\n<|im_start|>");
  });
});

suite('prompt discovery: models and evidence', () => {
  test('model from a literal, a constant, an env default and an SDK helper', async () => {
    const constant = await only(chatPy('"Hello there, please answer."').replace('model="gpt-4o"', 'model=MODEL').replace('client = OpenAI()', 'client = OpenAI()\nMODEL = "gpt-4.1-mini"'), 'a.py');
    assert.strictEqual(constant.model, 'gpt-4.1-mini');
    const env = await only(chatPy('"Hello there."').replace('model="gpt-4o"', 'model=os.getenv("CHAT_MODEL", "o4-mini")'), 'a.py');
    assert.strictEqual(env.model, 'o4-mini');
    const helper = await only("import { anthropic } from '@ai-sdk/anthropic';\nimport { streamText } from 'ai';\nstreamText({ model: anthropic('claude-haiku-4-5'), prompt: 'Hi!' });\n", 'a.ts');
    assert.strictEqual(helper.model, 'claude-haiku-4-5');
    const unknown = await only(chatPy('"Hello there."').replace('model="gpt-4o"', 'model=settings.model'), 'a.py');
    assert.strictEqual(unknown.model, null);
  });

  test('model of a model object: llm = ChatOpenAI(model=…) then llm.invoke(…)', async () => {
    const src = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o", max_tokens=99)\nllm.invoke("Tell me about tree-sitter in two sentences.")\n';
    const p = await only(src, 'a.py');
    assert.deepStrictEqual([p.model, p.maxOutputTokens, p.evidence], ['gpt-4o', 99, 'call']);
  });

  test('a prompt variable used by two calls takes the first call\'s model', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\nP = "Say hello politely."\nc.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": P}])\nc.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": P}])\n';
    const p = await only(src, 'a.py');
    assert.strictEqual(p.model, 'gpt-4o-mini');
  });

  test('name evidence needs a prompt-like name and instruction-like text', async () => {
    const src = [
      'REWRITE_PROMPT = "You are an editor. Rewrite the text below so it is shorter and clearer."',
      'ERROR_TEMPLATE = "You must provide a valid token. Please check your settings and try again."',
      'GREETING = "You are welcome to join us; please answer the survey."',
      'summary_template = "abc"',
    ].join('\n');
    const found = await findPrompts(src, 'a.py');
    assert.deepStrictEqual(found.map((p) => [p.name, p.evidence, p.model]), [['REWRITE_PROMPT', 'name', null]]);
  });

  test('a prompt passed to a helper function of the same file is followed to the call', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\ndef ask(system, q):\n    return c.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": q}])\nask("You are a travel agent. Be brief.", user_q)\n';
    const found = await findPrompts(src, 'a.py');
    // `q` (user_q at the only caller, unreadable) is a variable part of the same call.
    assert.deepStrictEqual(found.map((p) => [p.text, p.role, p.model, p.evidence]), [['{q}', 'user', 'gpt-4o', 'call'], ['You are a travel agent. Be brief.', 'system', 'gpt-4o', 'flow']]);
    assert.strictEqual(found[0].calls?.[0]?.call.key, found[1].calls?.[0]?.call.key);
  });

  test('docstrings, logs, errors and SQL near LLM code are not prompts', async () => {
    const src = chatPy('"Summarize the report."', 'def f():\n    """You are reading a docstring. Please do not send it."""\n    logger.info("You are now connected. Please wait for the answer.")\n    raise ValueError("You must pass a prompt. Please retry.")\nQ = "SELECT * FROM prompts WHERE id = 1"');
    const found = await findPrompts(src, 'a.py');
    assert.deepStrictEqual(found.map((p) => p.text), ['Summarize the report.']);
  });
});

suite('prompt discovery: following values', () => {
  test('**params and ...options spreads count as the call\'s arguments', async () => {
    const py = await only('from openai import OpenAI\nparams = {"model": "gpt-4o", "max_tokens": 77, "messages": [{"role": "developer", "content": "Quote your sources."}]}\nOpenAI().chat.completions.create(**params)\n', 'a.py');
    assert.deepStrictEqual([py.model, py.maxOutputTokens, py.role], ['gpt-4o', 77, 'developer']);
    const ts = await only("import OpenAI from 'openai';\nconst base = { model: 'gpt-4o-mini', max_tokens: 300 };\nnew OpenAI().chat.completions.create({ ...base, messages: [{ role: 'user', content: 'Hi, who are you?' }] });\n", 'a.ts');
    assert.deepStrictEqual([ts.model, ts.maxOutputTokens], ['gpt-4o-mini', 300]);
  });

  test('messages built by a local function, or nested in a config object', async () => {
    const fn = await findPrompts('from openai import OpenAI\ndef build(t):\n    return [{"role": "system", "content": "You write limericks only."}, {"role": "user", "content": f"Topic: {t}"}]\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=build("cats"))\n', 'a.py');
    assert.deepStrictEqual(fn.map((p) => [p.text, p.role, p.model, p.evidence]), [
      ['You write limericks only.', 'system', 'gpt-4o-mini', 'flow'],
      ['Topic: {t}', 'user', 'gpt-4o-mini', 'flow'],
    ]);
    const nested = await only("import { GoogleGenerativeAI } from '@google/generative-ai';\nconst config = { reviewer: { systemPrompt: 'Flag security issues first.' } };\nnew GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-1.5-pro', systemInstruction: config.reviewer.systemPrompt });\n", 'a.ts');
    assert.deepStrictEqual([nested.text, nested.model, nested.name, nested.evidence], ['Flag security issues first.', 'gemini-1.5-pro', 'systemPrompt', 'flow']);
  });

  test('model objects: ChatOpenAI() without a model, bind_tools copies, import aliases', async () => {
    const src = 'from langchain_openai import ChatOpenAI as Chat\nllm = Chat()\nllm.bind_tools([search]).invoke("Find the cheapest flight to Lisbon.")\nchain.invoke({"question": "hello"})\ntask.complete("done and dusted, nothing to see here")\n';
    const p = await only(src, 'a.py');
    assert.deepStrictEqual([p.text, p.model, p.role], ['Find the cheapest flight to Lisbon.', null, 'user']);
    const aliased = await only('from llama_index.core import PromptTemplate as LPT\nqa = LPT("Context: {context_str}\\nAnswer: ")\n', 'a.py');
    assert.deepStrictEqual(aliased.placeholders.map((x) => x.raw), ['{context_str}']);
  });

  test('class-held chat history: self.messages / this.messages appends, constructor arguments', async () => {
    const py = await findPrompts([
      'from openai import OpenAI',
      'class Client:',
      "    def __init__(self, system=''):",
      '        self.messages = []',
      "        self.messages.append({'role': 'system', 'content': system})",
      '    def ask(self, message):',
      "        self.messages.append({'role': 'user', 'content': message})",
      "        return OpenAI().chat.completions.create(model='deepseek-chat', messages=self.messages)",
      'bot = Client(system="You are a grumpy but accurate math tutor.")',
    ].join('\n'), 'a.py');
    // The user's `message` (unreadable) is a variable part of the call, where it is appended.
    assert.deepStrictEqual(py.map((p) => [p.text, p.role, p.model, p.startLine]), [['{message}', 'user', 'deepseek-chat', 7], ['You are a grumpy but accurate math tutor.', 'system', 'deepseek-chat', 9]]);
    const ts = await findPrompts([
      "import OpenAI from 'openai';",
      'class Bot {',
      '  private messages: { role: string; content: string }[] = [];',
      "  constructor(system: string) { this.messages.push({ role: 'system', content: system }); }",
      '  ask(q: string) {',
      "    this.messages.push({ role: 'user', content: q });",
      "    return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: this.messages });",
      '  }',
      '}',
      "new Bot('You are a helpful sommelier.').ask('Pairing for salmon?');",
    ].join('\n'), 'a.ts');
    assert.deepStrictEqual(ts.map((p) => [p.text, p.role, p.model]), [
      ['You are a helpful sommelier.', 'system', 'gpt-4o'],
      ['Pairing for salmon?', 'user', 'gpt-4o'],
    ]);
  });

  test('dedent wrappers remove common indentation; tagged sql/html templates are not prompts', async () => {
    const py = await only('import textwrap\nfrom openai import OpenAI\nS = textwrap.dedent("""\\\n    You are terse.\n      Indented {x}.\n    """)\nOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": S.format(x=1)}])\n', 'a.py');
    assert.strictEqual(py.text, 'You are terse.\n  Indented {x}.\n');
    assert.deepStrictEqual(py.placeholders.map((x) => [x.raw, x.offset]), [['{x}', 26]]);
    const ts = await findPrompts("import dedent from 'dedent';\nimport { generateText } from 'ai';\nconst q = sql`SELECT * FROM users WHERE id = ${id}`;\ngenerateText({ model: 'gpt-4o', system: dedent`\n    You are a poet.\n    Topic: ${topic}\n  `, prompt: String.raw`C:\\temp` });\n", 'a.ts');
    assert.deepStrictEqual(ts.map((p) => p.text), ['You are a poet.\nTopic: ${topic}', 'C:\\temp']);
  });
});

suite('prompt discovery: files, pre-filter, sync API', () => {
  test('languageForFile and grammarForLanguage', () => {
    const cases: [string, string | null][] = [
      ['app/main.py', 'python'], ['src/a.ts', 'typescript'], ['src/a.mts', 'typescript'], ['src/a.cts', 'typescript'],
      ['src/App.tsx', 'typescriptreact'], ['a.js', 'javascript'], ['a.mjs', 'javascript'], ['a.cjs', 'javascript'],
      ['Widget.jsx', 'javascriptreact'], ['main.go', 'go'], ['Main.java', 'java'], ['Program.cs', 'csharp'],
      ['.github/prompts/review.prompt.md', 'prompt'], ['chat.prompty', 'prompty'], ['t/sys.j2', 'jinja'], ['t/sys.jinja2', 'jinja'],
      ['t/a.mustache', 'mustache'], ['t/a.hbs', 'handlebars'], ['app/prompts/system.txt', 'plaintext'], ['app/Prompts/guide.md', 'markdown'],
      ['README.md', null], ['notes/todo.txt', null], ['types/index.d.ts', null], ['style.css', null],
    ];
    for (const [file, language] of cases) assert.strictEqual(languageForFile(file), language, file);
    assert.strictEqual(grammarForLanguage('typescriptreact'), 'tsx');
    assert.strictEqual(grammarForLanguage('javascriptreact'), 'javascript');
    assert.strictEqual(grammarForLanguage('csharp'), 'c-sharp');
    assert.strictEqual(grammarForLanguage('jinja'), null);
  });

  test('hasLlmSignal: SDK code passes, plain utility code is skipped, prompt files always pass', () => {
    assert.strictEqual(hasLlmSignal('import anthropic\nclient = anthropic.Anthropic()\n', 'python'), true);
    assert.strictEqual(hasLlmSignal("import { generateText } from 'ai';", 'typescript'), true);
    assert.strictEqual(hasLlmSignal('const SYSTEM_PROMPT = `You are…`;', 'javascript'), true);
    assert.strictEqual(hasLlmSignal('def add(a, b):\n    return a + b\n', 'python'), false);
    assert.strictEqual(hasLlmSignal('export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);', 'typescript'), false);
    assert.strictEqual(hasLlmSignal('', 'jinja'), true);
  });

  test('findPromptsSync answers once the grammar is loaded; trees are freed between calls', async () => {
    await warmGrammar('x.tsx');
    const src = "import { generateText } from 'ai';\nexport const A = () => <div>{generateText({ model: 'gpt-4o', prompt: 'Write a haiku.' }).toString()}</div>;\n";
    for (let i = 0; i < 50; i++) {
      const found = findPromptsSync(src, 'x.tsx');
      assert.ok(found);
      assert.deepStrictEqual(found.map((p) => p.text), ['Write a haiku.']);
    }
    assert.deepStrictEqual(findPromptsSync('x', 'notes.unknown'), []);
  });

  test('a large generated Python file is scanned and every prompt found', async function () {
    this.timeout(60_000); // no timing assertion: shared machines are noisy
    const parts = ['from openai import OpenAI', 'client = OpenAI()', 'MODEL = "gpt-4o-mini"'];
    const n = 1500;
    for (let i = 0; i < n; i++) {
      parts.push(
        `PROMPT_${i} = "You are helper number ${i}. Answer the question in one sentence."`,
        `def handler_${i}(question: str) -> str:`,
        `    """Handler ${i}: not a prompt."""`,
        `    logger.info("handling %s", question)`,
        `    rows = db.execute("SELECT * FROM t WHERE id = ${i}")`,
        `    r = client.chat.completions.create(model=MODEL, messages=[{"role": "system", "content": PROMPT_${i}}, {"role": "user", "content": f"Q{${i}}: {question}"}])`,
        `    return r.choices[0].message.content`,
        '',
      );
    }
    const source = parts.join('\n');
    const found = await findPrompts(source, 'big.py');
    assert.strictEqual(found.length, 2 * n);
    assert.strictEqual(found.filter((p) => p.role === 'system' && p.model === 'gpt-4o-mini').length, n);
  });
});

suite('findPrompts: files that start with blank lines', () => {
  // The tree's root node starts at the first token; text read through it must still line up with the file.
  for (const [file, body] of [
    ['lead.py', 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "You are a helpful assistant. Answer briefly."\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n'],
    ['lead.ts', 'import OpenAI from "openai";\nconst client = new OpenAI();\nconst SYSTEM = "You are a helpful assistant. Answer briefly.";\nawait client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: SYSTEM }] });\n'],
  ] as const) {
    test(`${file}: leading blank lines shift nothing`, async () => {
      const plain = await findPrompts(body, `/tmp/${file}`);
      const padded = await findPrompts(`\n\n  \n${body}`, `/tmp/${file}`);
      assert.strictEqual(plain.length, 1);
      assert.strictEqual(padded.length, 1);
      assert.strictEqual(padded[0].text, 'You are a helpful assistant. Answer briefly.');
      assert.strictEqual(padded[0].text, plain[0].text);
      assert.strictEqual(padded[0].model, 'gpt-4o');
      assert.strictEqual(padded[0].evidence, plain[0].evidence);
      assert.strictEqual(padded[0].startLine, plain[0].startLine + 3);
    });
  }
});

suite('findPrompts: names of Object.prototype methods are no sinks', () => {
  const TEXT = 'Summarize the quarterly report for the board in three bullet points';
  const cases: [string, string][] = [
    ['/x/A.java', `import dev.langchain4j.model.openai.OpenAiChatModel;\nclass A {\n  String f() {\n    String s = String.valueOf("${TEXT}");\n    return s.toString();\n  }\n}\n`],
    ['/x/a.py', `from openai import OpenAI\nclient = OpenAI()\nx = client.constructor("${TEXT}")\ny = client.hasOwnProperty("${TEXT}")\n`],
    ['/x/a.go', `package main\n\nimport "github.com/openai/openai-go"\n\nfunc f() { _ = openai.NewClient(); x := toString("${TEXT}"); _ = valueOf(x) }\n`],
    ['/x/A.cs', `using OpenAI.Chat;\nclass A { string F() { var s = constructor("${TEXT}"); return s.ToString(); } }\n`],
  ];
  for (const [file, source] of cases) {
    test(`${file.slice(3)}: valueOf, toString, constructor, hasOwnProperty find nothing`, async () => {
      assert.deepStrictEqual((await findPrompts(source, file)).map((p) => p.text), []);
    });
  }
});
