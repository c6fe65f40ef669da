/**
 * "the following X" → "this X" / "these X" for nouns that name the content the prompt points to. Only
 * listed nouns: "the following day" or "the following message" mean "the next", not "this".
 */
export const SINGULAR_CONTENT_NOUNS = new Set([
  'text', 'question', 'format', 'email', 'e-mail', 'document', 'article', 'passage', 'conversation', 'transcript', 'context', 'information',
  'code', 'schema', 'structure', 'template', 'paragraph', 'review', 'excerpt', 'list', 'table', 'json', 'data', 'input', 'query', 'request',
  'sentence', 'snippet', 'function', 'content', 'profile', 'story', 'recipe', 'abstract', 'tweet', 'diff', 'log', 'report', 'prompt',
  'summary', 'post', 'headline', 'note', 'description', 'item', 'product', 'task', 'problem', 'issue', 'ticket', 'claim', 'contract',
  'clause', 'policy', 'statement', 'essay', 'letter', 'poem', 'script', 'file', 'page', 'resume', 'invoice', 'receipt',
  'form', 'chat', 'dialogue', 'dialog', 'thread', 'comment', 'answer', 'response', 'output', 'example', 'scenario', 'situation', 'case',
  'image', 'dataset', 'spreadsheet', 'csv', 'yaml', 'xml', 'markdown', 'html', 'sql', 'traceback', 'error', 'stack', 'api',
  'specification', 'spec', 'job', 'position', 'address', 'changelog', 'readme', 'tool', 'rule', 'guideline', 'instruction',
]);

export const PLURAL_CONTENT_NOUNS = new Set([
  'rules', 'steps', 'categories', 'fields', 'instructions', 'guidelines', 'examples', 'documents', 'questions', 'pieces', 'sections', 'items',
  'tools', 'functions', 'keys', 'criteria', 'options', 'labels', 'columns', 'tables', 'topics', 'values', 'files', 'records', 'entities',
  'attributes', 'properties', 'constraints', 'requirements', 'points', 'details', 'parts', 'excerpts', 'snippets', 'passages', 'articles',
  'reviews', 'emails', 'sentences', 'words', 'terms', 'formats', 'intents', 'classes', 'tags', 'types', 'settings', 'metrics', 'summaries',
  'results', 'sources', 'tasks', 'actions', 'commands', 'events', 'transactions', 'products', 'features', 'facts', 'clauses', 'headlines',
  'titles', 'tweets', 'queries', 'pairs', 'lines', 'paragraphs', 'notes', 'comments', 'issues', 'tickets', 'claims', 'policies', 'texts',
  'descriptions', 'answers', 'responses', 'outputs', 'inputs', 'scenarios', 'cases', 'principles', 'traits', 'skills', 'areas', 'languages',
  'variables', 'parameters', 'arguments', 'objects', 'entries', 'statements', 'definitions', 'specifications', 'resources', 'apis',
  'conversations', 'transcripts', 'stories', 'users', 'customers', 'people', 'names', 'dates', 'numbers', 'aspects',
]);

/** Words that end a noun phrase before its head noun could appear ("the following is…", "the following of…"). */
export const NOT_A_MODIFIER = new Set([
  'is', 'are', 'was', 'were', 'will', 'can', 'may', 'must', 'should', 'has', 'have', 'of', 'and', 'or', 'to', 'in', 'on', 'from', 'for',
  'with', 'by', 'at', 'as', 'that', 'which', 'who', 'describes', 'contains', 'shows', 'lists', 'applies', 'explains',
]);

/** Words that cannot continue a noun phrase, so the noun before them is its head ("the following text and …"). */
export const FOLLOWS_A_NOUN_PHRASE = new Set([
  'and', 'or', 'to', 'from', 'in', 'into', 'as', 'of', 'by', 'with', 'for', 'that', 'which', 'who', 'below', 'above', 'is', 'are', 'was',
  'were', 'will', 'can', 'may', 'must', 'should', 'has', 'have', 'it', 'you', 'they', 'we', 'he', 'she', 'i', 'then', 'using', 'according',
  'based', 'on', 'at', 'about', 'if', 'when', 'so', 'but', 'without', 'inside', 'within', 'under', 'carefully', 'exactly', 'only',
]);

/** Nouns that end in -s but are singular ("the following news:" is not "these news"). */
export const SINGULAR_ENDING_IN_S = new Set(['news', 'series', 'species', 'analysis', 'basis', 'thesis', 'physics', 'mathematics', 'economics', 'ethics', 'politics', 'lens', 'canvas', 'atlas', 'alias', 'bias', 'corpus', 'status', 'diagnosis', 'synopsis', 'hypothesis', 'emphasis', 'axis']);
