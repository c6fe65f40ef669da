/** Python: `.py` and stub files, read with tree-sitter-python. */
import type { LanguageModule } from '../languageModule';
import { bodyOf, type MemberList } from '../memberLists';
import grammars from './grammars.json';
import { pythonModules } from './pythonModules';
import { PYTHON_ESCAPES, pythonFinder } from './pythonFinder';
import { readPythonShape } from './pythonLiterals';
import { PYTHON_JAVASCRIPT_SDK_CALLS } from '../pythonJavascriptSdkCalls';

/** A class's body, also when the class is decorated. */
const classMembers: MemberList = (node) => {
  if (node.type === 'class_definition') return bodyOf(node);
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : null;
  return definition?.type === 'class_definition' ? bodyOf(definition) : null;
};

export const pythonLanguage: LanguageModule = {
  name: 'python',
  fileLanguages: [{ id: 'python', label: 'Python', extensions: ['.py', '.pyi'], editorLanguage: true, grammar: 'python', finder: pythonFinder }],
  grammars,
  sdkCalls: PYTHON_JAVASCRIPT_SDK_CALLS,
  escapeDialect: PYTHON_ESCAPES,
  readLiteralShape: readPythonShape,
  memberList: classMembers,
  modules: pythonModules,
};
