/** TypeScript, TSX, JavaScript and JSX: one finder over three tree-sitter grammars (JSX reads with `javascript`). */
import type { LanguageModule } from '../languageModule';
import { bodyOf, typed, type MemberList } from '../memberLists';
import grammars from './grammars.json';
import { javascriptModules } from './javascriptModules';
import { JAVASCRIPT_ESCAPES, javascriptFinder, tsxFinder, typescriptFinder } from './javascriptFinder';
import { readJavascriptShape } from './javascriptLiterals';
import { PYTHON_JAVASCRIPT_SDK_CALLS } from '../pythonJavascriptSdkCalls';

const classes = typed(['class_declaration', 'abstract_class_declaration'], bodyOf);
/** A class's body, also when the class is exported. */
const classMembers: MemberList = (node) => {
  const declaration = node.type === 'export_statement' ? node.childForFieldName('declaration') : null;
  return classes(declaration ?? node);
};

export const javascriptLanguage: LanguageModule = {
  name: 'javascript',
  fileLanguages: [
    { id: 'typescript', label: 'TypeScript', extensions: ['.ts', '.mts', '.cts'], editorLanguage: true, grammar: 'typescript', finder: typescriptFinder },
    { id: 'typescriptreact', label: 'TypeScript React (.tsx)', extensions: ['.tsx'], editorLanguage: true, grammar: 'tsx', finder: tsxFinder },
    { id: 'javascript', label: 'JavaScript', extensions: ['.js', '.mjs', '.cjs'], editorLanguage: true, grammar: 'javascript', finder: javascriptFinder },
    { id: 'javascriptreact', label: 'JavaScript React (.jsx)', extensions: ['.jsx'], editorLanguage: true, grammar: 'javascript', finder: javascriptFinder },
  ],
  grammars,
  sdkCalls: PYTHON_JAVASCRIPT_SDK_CALLS,
  // Declaration files hold types, never values.
  ignoredSuffixes: ['.d.ts', '.d.mts', '.d.cts'],
  escapeDialect: JAVASCRIPT_ESCAPES,
  readLiteralShape: readJavascriptShape,
  memberList: classMembers,
  modules: javascriptModules,
};
