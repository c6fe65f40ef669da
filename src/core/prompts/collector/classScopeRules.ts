/**
 * The `ScopeRules` (promptCollector.ts) of the class-based languages, Java and C#: a statement or a member
 * declaration is where the search in the call around a prompt stops; methods, constructors and the like
 * are the functions; a setting inside a field initialiser or a constructor configures a client; and a
 * statement defines the variable of its local declaration or of its `name = …` assignment.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { fieldOf, namedChildrenShared, parentOf, textOf, typeOf } from '../nodeFacts';
import type { ScopeRules } from './promptCollector';

export interface ClassScopeGrammar {
  functionTypes: ReadonlySet<string>;
  /** Member declarations that count as statements (fields, properties, methods). */
  memberTypes: ReadonlySet<string>;
  /** Declarations whose settings configure a client for the whole class (fields, constructors). */
  clientConfigurationTypes: ReadonlySet<string>;
  /** The local variable declaration statement's node type, and the name one declares. */
  localDeclarationType: string;
  declaredName(declaration: Node): string | null;
}

export function classScopeRules(grammar: ClassScopeGrammar): ScopeRules {
  return {
    isClientConfiguration(site) {
      for (let n = parentOf(site); n; n = parentOf(n)) if (grammar.clientConfigurationTypes.has(typeOf(n))) return true;
      return false;
    },
    isStatement: (n) => typeOf(n).endsWith('_statement') || grammar.memberTypes.has(typeOf(n)),
    isFunction: (n) => grammar.functionTypes.has(typeOf(n)),
    definedName(statement) {
      if (typeOf(statement) === grammar.localDeclarationType) return grammar.declaredName(statement);
      const expr = typeOf(statement) === 'expression_statement' ? namedChildrenShared(statement)[0] ?? null : null;
      if (expr && typeOf(expr) === 'assignment_expression') {
        const left = fieldOf(expr, 'left');
        return left && typeOf(left) === 'identifier' ? textOf(left) : null;
      }
      return null;
    },
  };
}
