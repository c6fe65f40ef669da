/** Builds a pass from a phrase table: entries are filtered per encoding (only those that save tokens) and compiled once. */
import type { EncodingName } from '../../tokens/encodings';
import type { CompressionPass } from '../pass';
import { compileTable, profitableEntries, replaceFromTable, type CompiledTable, type PhraseEntry } from '../tableReplace';

const MAX_ROUNDS = 4;

export interface TablePassOptions {
  name: string;
  entries: readonly PhraseEntry[];
  aggressiveOnly: boolean;
  /** Extra rewrite after the table (e.g. whole-sentence removals). */
  after?: (text: string, dropped: string[]) => string;
  /** Veto one match (e.g. "rather" before "than"). */
  accept?: (match: string, at: number, text: string) => boolean;
}

export function tablePass(options: TablePassOptions): CompressionPass {
  const compiled = new Map<EncodingName, CompiledTable>();
  const tableFor = (encoding: EncodingName): CompiledTable => {
    let table = compiled.get(encoding);
    if (!table) {
      table = compileTable(profitableEntries(options.entries, encoding));
      compiled.set(encoding, table);
    }
    return table;
  };
  return {
    name: options.name,
    aggressiveOnly: options.aggressiveOnly,
    apply(masked, context) {
      // Repeat until nothing matches: a removal can expose a new sentence start ("I want you to make sure to…").
      let text = masked;
      const dropped: string[] = [];
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const result = replaceFromTable(text, tableFor(context.encoding), options.accept);
        if (!result.replaced.length) break;
        text = result.text;
        dropped.push(...result.replaced);
      }
      const final = options.after ? options.after(text, dropped) : text;
      return { text: final, dropped };
    },
  };
}
