// Generates a deterministic tree of mixed source (Python, TS, JS, Go, Java, C#, prompt files) for the
// scan benchmark. Most files are ordinary application code with no LLM use, as in a real repository;
// about one in eight calls an LLM SDK with real-looking prompts.
import fs from 'node:fs';
import path from 'node:path';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'account order invoice customer ticket payment shipment report metric session user cache queue event record batch token vendor region price'.split(' ');

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

const plain = {
  py: (r, i) => `def handle_${pick(r, WORDS)}_${i}(${pick(r, WORDS)}, limit=10):\n    """Return the ${pick(r, WORDS)} rows for the ${pick(r, WORDS)}."""\n    rows = db.query("SELECT id, name FROM ${pick(r, WORDS)} WHERE id = %s", (${pick(r, WORDS)}.id,))\n    logger.info("loaded %d rows", len(rows))\n    total = sum(row.amount for row in rows if row.amount > ${i % 97})\n    return {"total": total, "count": len(rows), "label": "${pick(r, WORDS)}-${i}"}\n\n`,
  ts: (r, i) => `export function ${pick(r, WORDS)}Total${i}(items: Array<{ amount: number; kind: string }>): number {\n  // sum the ${pick(r, WORDS)} amounts of one kind\n  const kind = '${pick(r, WORDS)}';\n  console.log(\`computing \${kind} for \${items.length} items\`);\n  return items.filter((x) => x.kind === kind && x.amount > ${i % 89}).reduce((s, x) => s + x.amount, 0);\n}\n\n`,
  js: (r, i) => `function ${pick(r, WORDS)}Handler${i}(req, res) {\n  const id = req.params.id;\n  if (!id) throw new Error('missing ${pick(r, WORDS)} id');\n  res.json({ id, url: 'https://api.example.com/${pick(r, WORDS)}/' + id, n: ${i} });\n}\n\n`,
  go: (r, i) => `func ${pick(r, WORDS)}Sum${i}(items []Item) (int, error) {\n\tif len(items) == 0 {\n\t\treturn 0, fmt.Errorf("no ${pick(r, WORDS)} items for %d", ${i})\n\t}\n\ttotal := 0\n\tfor _, it := range items {\n\t\ttotal += it.Amount\n\t}\n\tlog.Printf("sum ${pick(r, WORDS)} %d", total)\n\treturn total, nil\n}\n\n`,
  java: (r, i) => `    public int ${pick(r, WORDS)}Count${i}(List<Item> items) {\n        if (items.isEmpty()) {\n            throw new IllegalArgumentException("no ${pick(r, WORDS)} items");\n        }\n        logger.info("counting {} items", items.size());\n        return (int) items.stream().filter(x -> x.amount() > ${i % 50}).count();\n    }\n\n`,
  cs: (r, i) => `    public int ${pick(r, WORDS)}Count${i}(IList<Item> items)\n    {\n        if (items.Count == 0) throw new ArgumentException("no ${pick(r, WORDS)} items");\n        _logger.LogInformation("counting {Count}", items.Count);\n        return items.Count(x => x.Amount > ${i % 50});\n    }\n\n`,
};

const wrap = {
  py: (body) => `import logging\n\nlogger = logging.getLogger(__name__)\n\n${body}`,
  ts: (body) => body,
  js: (body) => body,
  go: (body) => `package app\n\nimport (\n\t"fmt"\n\t"log"\n)\n\ntype Item struct{ Amount int }\n\n${body}`,
  java: (body) => `package app;\n\nimport java.util.List;\n\npublic class Service {\n${body}}\n`,
  cs: (body) => `namespace App;\n\npublic class Service\n{\n${body}}\n`,
};

const llm = {
  py: (r, i) => `from openai import OpenAI\n\nclient = OpenAI()\nMODEL = "${pick(r, ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1'])}"\nSYSTEM_PROMPT = (\n    "You are a support assistant for a ${pick(r, WORDS)} platform. "\n    "Answer briefly, cite the ${pick(r, WORDS)} id, and never invent data."\n)\n\ndef answer_${i}(question, context):\n    response = client.chat.completions.create(\n        model=MODEL,\n        max_tokens=${200 + (i % 5) * 100},\n        messages=[\n            {"role": "system", "content": SYSTEM_PROMPT},\n            {"role": "user", "content": f"Context:\\n{context}\\n\\nQuestion: {question}"},\n        ],\n    )\n    return response.choices[0].message.content\n\n`,
  ts: (r, i) => `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\n\nexport async function summarize${i}(doc: string) {\n  const { text } = await generateText({\n    model: openai('${pick(r, ['gpt-4o-mini', 'gpt-4.1-mini'])}'),\n    system: 'You summarize ${pick(r, WORDS)} documents for busy engineers. Use three bullet points.',\n    prompt: \`Summarize the following document:\\n\\n\${doc}\`,\n  });\n  return text;\n}\n\n`,
  go: (r, i) => `func ask${i}(ctx context.Context, c *openai.Client, q string) (string, error) {\n\tresp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{\n\t\tModel: "gpt-4o",\n\t\tMessages: []openai.ChatCompletionMessage{\n\t\t\t{Role: openai.ChatMessageRoleSystem, Content: \`You are a terse ${pick(r, WORDS)} analyst. Reply in JSON.\`},\n\t\t\t{Role: openai.ChatMessageRoleUser, Content: fmt.Sprintf("Question: %s", q)},\n\t\t},\n\t})\n\tif err != nil {\n\t\treturn "", err\n\t}\n\treturn resp.Choices[0].Message.Content, nil\n}\n\n`,
};

export function generateTree(dir, targetBytes, seed = 42) {
  const rand = prng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const exts = ['py', 'ts', 'js', 'go', 'java', 'cs'];
  let bytes = 0;
  let files = 0;
  while (bytes < targetBytes) {
    const ext = exts[files % exts.length];
    const sub = path.join(dir, `pkg${Math.floor(files / 100)}`);
    fs.mkdirSync(sub, { recursive: true });
    const withLlm = llm[ext] && rand() < 0.125;
    const parts = [];
    const funcs = 20 + Math.floor(rand() * 180);
    for (let i = 0; i < funcs; i++) parts.push(withLlm && i % 25 === 0 ? llm[ext](rand, i) : plain[ext](rand, i));
    let body = parts.join('');
    if (withLlm && ext === 'go') body = body.replace('package app\n', 'package app\n');
    const text = ext === 'go' && withLlm ? `package app\n\nimport (\n\t"context"\n\t"fmt"\n\t"log"\n\n\topenai "github.com/sashabaranov/go-openai"\n)\n\ntype Item struct{ Amount int }\n\n${body}` : wrap[ext](body);
    const file = path.join(sub, `file${files}.${ext}`);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? '.bench-tmp/tree';
  const mb = Number(process.argv[3] ?? 50);
  console.log(generateTree(out, mb * 1e6));
}
