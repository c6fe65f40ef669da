/** C#: read with tree-sitter-c-sharp. */
import type { LanguageModule } from '../languageModule';
import { bodyOf, typed } from '../memberLists';
import { CSHARP_ESCAPES, csharpFinder } from './csharpFinder';
import { readCsharpShape } from './csharpLiterals';
import { csharpModules } from './csharpModules';
import grammars from './grammars.json';
import { CSHARP_SDK_CALLS } from './csharpSdkCalls';

export const csharpLanguage: LanguageModule = {
  name: 'csharp',
  fileLanguages: [{ id: 'csharp', label: 'C#', extensions: ['.cs'], editorLanguage: true, grammar: 'c-sharp', finder: csharpFinder }],
  grammars,
  sdkCalls: CSHARP_SDK_CALLS,
  escapeDialect: CSHARP_ESCAPES,
  readLiteralShape: readCsharpShape,
  memberList: typed(['namespace_declaration', 'class_declaration', 'struct_declaration', 'record_declaration', 'record_struct_declaration', 'interface_declaration'], bodyOf),
  modules: csharpModules,
};
