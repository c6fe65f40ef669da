/**
 * Finder benchmark: for a generated 3,000-line file with 60 prompts in each language, the time of the
 * tree-sitter parse next to the time of the prompt finder walking that tree, so the two can be compared
 * in the same run (the finder should not cost more than the parse). Run with `npm run bench:finders`.
 * Python is the editor bench's file (`bench/editor.ts`); the others follow the same shape: one LLM call
 * with a system and a user prompt every 100 lines, ordinary code in between. Timings are from one shared
 * machine: compare ratios, not absolute numbers across runs.
 */
import { finderForLanguage, warmGrammar } from '../src/core/prompts/findPrompts';
import { loadedParser } from '../src/core/prompts/parser';
import { languageForFile } from '../src/core/prompts/sourceLanguage';
import { generatePythonFile } from './editor';

const RUNS = Number(process.env.FINDER_BENCH_RUNS ?? 25);
const BLOCKS = 30;
const LINES = 3000;

/** Repeats `prompt(i)` and `filler(i)` blocks until the file has `LINES` lines and `BLOCKS` prompt blocks. */
function fileOf(header: string[], footer: string[], prompt: (i: number) => string[], filler: (i: number) => string[]): string {
  const out = [...header];
  const linesPerBlock = Math.floor((LINES - header.length - footer.length) / BLOCKS);
  for (let p = 0; p < BLOCKS; p++) {
    out.push(...prompt(p));
    for (let i = 0; out.length < header.length + (p + 1) * linesPerBlock; i++) out.push(...filler(p * 100 + i));
  }
  return [...out, ...footer].join('\n') + '\n';
}

function typescriptFile(): string {
  return fileOf(
    ["import OpenAI from 'openai';", '', 'const client = new OpenAI();', ''],
    [],
    (p) => [
      `const SYSTEM_PROMPT_${p} = \`You are assistant number ${p} of the support team.`,
      `Answer the customer's question about order ${p * 7} politely and precisely.`,
      'Cite the relevant policy section and keep the answer under 120 words.`;',
      '',
      `export async function answer${p}(question: string, history: string): Promise<string> {`,
      '  const response = await client.chat.completions.create({',
      `    model: '${p % 3 === 0 ? 'gpt-4o' : 'gpt-4o-mini'}',`,
      '    max_tokens: 400,',
      '    messages: [',
      `      { role: 'system', content: SYSTEM_PROMPT_${p} },`,
      `      { role: 'user', content: \`History: \${history}\\nQuestion ${p}: \${question}\` },`,
      '    ],',
      '  });',
      "  return response.choices[0].message.content ?? '';",
      '}',
      '',
    ],
    (i) => [
      `export function helper${i}(rows: Array<{ amount: number }>, limit = ${(i % 17) + 3}): Array<{ amount: number }> {`,
      `  const picked = rows.filter((r) => r.amount > ${i % 23});`,
      "  console.log('picked %d of %d rows', picked.length, rows.length);",
      '  return picked.slice(0, limit);',
      '}',
      '',
    ],
  );
}

function goFile(): string {
  return fileOf(
    ['package app', '', 'import (', '\t"context"', '\t"fmt"', '\t"log"', '', '\topenai "github.com/sashabaranov/go-openai"', ')', ''],
    [],
    (p) => [
      `const systemPrompt${p} = \`You are assistant number ${p} of the support team.`,
      `Answer the customer's question about order ${p * 7} politely and precisely.\``,
      '',
      `func answer${p}(ctx context.Context, c *openai.Client, question string) (string, error) {`,
      '\tresp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{',
      `\t\tModel:     "${p % 3 === 0 ? 'gpt-4o' : 'gpt-4o-mini'}",`,
      '\t\tMaxTokens: 400,',
      '\t\tMessages: []openai.ChatCompletionMessage{',
      `\t\t\t{Role: openai.ChatMessageRoleSystem, Content: systemPrompt${p}},`,
      `\t\t\t{Role: openai.ChatMessageRoleUser, Content: fmt.Sprintf("Question ${p}: %s", question)},`,
      '\t\t},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn "", err',
      '\t}',
      '\treturn resp.Choices[0].Message.Content, nil',
      '}',
      '',
    ],
    (i) => [
      `func helper${i}(rows []int, limit int) []int {`,
      '\tpicked := []int{}',
      '\tfor _, r := range rows {',
      `\t\tif r > ${i % 23} {`,
      '\t\t\tpicked = append(picked, r)',
      '\t\t}',
      '\t}',
      '\tlog.Printf("picked %d of %d rows", len(picked), len(rows))',
      '\treturn picked',
      '}',
      '',
    ],
  );
}

function javaFile(): string {
  return fileOf(
    ['package app;', '', 'import java.util.List;', 'import org.springframework.ai.chat.client.ChatClient;', '', 'public class Support {', '    private final ChatClient chatClient;', ''],
    ['}'],
    (p) => [
      `    private static final String SYSTEM_PROMPT_${p} = """`,
      `        You are assistant number ${p} of the support team.`,
      `        Answer the customer's question about order ${p * 7} politely and precisely.`,
      '        """;',
      '',
      `    public String answer${p}(String question) {`,
      '        return chatClient.prompt()',
      `            .system(SYSTEM_PROMPT_${p})`,
      `            .user("Question ${p}: " + question)`,
      '            .call()',
      '            .content();',
      '    }',
      '',
    ],
    (i) => [
      `    public int helper${i}(List<Integer> rows) {`,
      '        if (rows.isEmpty()) {',
      '            throw new IllegalArgumentException("no rows");',
      '        }',
      '        logger.info("counting {} rows", rows.size());',
      `        return (int) rows.stream().filter(x -> x > ${i % 50}).count();`,
      '    }',
      '',
    ],
  );
}

function csharpFile(): string {
  return fileOf(
    ['using OpenAI.Chat;', '', 'namespace App;', '', 'public class Support', '{', '    private readonly ChatClient _client = new("gpt-4o-mini", "key");', ''],
    ['}'],
    (p) => [
      `    private const string SystemPrompt${p} = """`,
      `        You are assistant number ${p} of the support team.`,
      `        Answer the customer's question about order ${p * 7} politely and precisely.`,
      '        """;',
      '',
      `    public async Task<string> Answer${p}(string question)`,
      '    {',
      '        var messages = new List<ChatMessage>',
      '        {',
      `            new SystemChatMessage(SystemPrompt${p}),`,
      `            new UserChatMessage($"Question ${p}: {question}"),`,
      '        };',
      '        ChatCompletion completion = await _client.CompleteChatAsync(messages);',
      '        return completion.Content[0].Text;',
      '    }',
      '',
    ],
    (i) => [
      `    public int Helper${i}(IList<int> rows)`,
      '    {',
      '        if (rows.Count == 0) throw new ArgumentException("no rows");',
      '        _logger.LogInformation("counting {Count}", rows.Count);',
      `        return rows.Count(x => x > ${i % 50});`,
      '    }',
      '',
    ],
  );
}

/** The generated files, one per language (exported for ad-hoc comparisons). */
export const BENCH_FILES: { name: string; filePath: string; source: () => string }[] = [
  { name: 'python', filePath: '/bench/generated_agent.py', source: () => generatePythonFile(BLOCKS, LINES) },
  { name: 'typescript', filePath: '/bench/generated_agent.ts', source: typescriptFile },
  { name: 'javascript', filePath: '/bench/generated_agent.js', source: () => typescriptFile().replace(/: (string|Promise<string>|Array<\{ amount: number \}>)/g, '') },
  { name: 'go', filePath: '/bench/generated_agent.go', source: goFile },
  { name: 'java', filePath: '/bench/GeneratedAgent.java', source: javaFile },
  { name: 'csharp', filePath: '/bench/GeneratedAgent.cs', source: csharpFile },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  console.log(`finder bench: ${LINES}-line generated files, median of ${RUNS} runs, Node ${process.version}`);
  console.log(`${'language'.padEnd(11)} ${'KB'.padStart(6)} ${'prompts'.padStart(7)}  ${'parse ms'.padStart(9)} ${'MB/s'.padStart(7)}  ${'find ms'.padStart(9)} ${'MB/s'.padStart(7)}  find/parse`);
  for (const file of BENCH_FILES) {
    const source = file.source();
    const language = languageForFile(file.filePath);
    const finder = language ? finderForLanguage(language) : undefined;
    if (!language || !finder) throw new Error(`no finder for ${file.filePath}`);
    await warmGrammar(file.filePath);
    const parser = loadedParser(finder.grammar);
    if (!parser) throw new Error(`${finder.grammar} grammar not loaded`);
    const ctx = { source, language, filePath: file.filePath };
    const parse: number[] = [];
    const find: number[] = [];
    let prompts = 0;
    for (let run = 0; run < RUNS + 3; run++) {
      const started = performance.now();
      const tree = parser.parse(source);
      const parsed = performance.now();
      if (!tree) throw new Error('no tree');
      try {
        prompts = finder.find(tree.rootNode, ctx).length;
      } finally {
        const found = performance.now();
        tree.delete();
        if (run >= 3) {
          // The first runs warm the JIT.
          parse.push(parsed - started);
          find.push(found - parsed);
        }
      }
    }
    const mb = Buffer.byteLength(source) / 1e6;
    const p = median(parse);
    const f = median(find);
    console.log(
      `${file.name.padEnd(11)} ${(mb * 1000).toFixed(0).padStart(6)} ${String(prompts).padStart(7)}  ${p.toFixed(2).padStart(9)} ${(mb / (p / 1000)).toFixed(1).padStart(7)}  ${f.toFixed(2).padStart(9)} ${(mb / (f / 1000)).toFixed(1).padStart(7)}  ${(f / p).toFixed(2).padStart(10)}`,
    );
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
