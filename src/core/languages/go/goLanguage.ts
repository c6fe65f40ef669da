/** Go: read with tree-sitter-go. */
import type { LanguageModule } from '../languageModule';
import { NO_MEMBERS } from '../memberLists';
import { GO_ESCAPES, goFinder } from './goFinder';
import { readGoShape } from './goLiterals';
import { goModules } from './goModules';
import grammars from './grammars.json';
import { GO_SDK_CALLS } from './goSdkCalls';

export const goLanguage: LanguageModule = {
  name: 'go',
  fileLanguages: [{ id: 'go', label: 'Go', extensions: ['.go'], editorLanguage: true, grammar: 'go', finder: goFinder }],
  grammars,
  sdkCalls: GO_SDK_CALLS,
  escapeDialect: GO_ESCAPES,
  readLiteralShape: readGoShape,
  memberList: NO_MEMBERS, // functions, types and variables are all top level
  modules: goModules,
};
