/** Java: read with tree-sitter-java. */
import type { LanguageModule } from '../languageModule';
import { bodyOf, typed, type MemberList } from '../memberLists';
import grammars from './grammars.json';
import { JAVA_ESCAPES, javaFinder } from './javaFinder';
import { readJavaShape } from './javaLiterals';
import { javaModules } from './javaModules';
import { JAVA_SDK_CALLS } from './javaSdkCalls';

const types = typed(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration'], bodyOf);
/** A type's body; an enum's members after its constants sit in one more node. */
const typeMembers: MemberList = (node) => (node.type === 'enum_body_declarations' ? node : types(node));

export const javaLanguage: LanguageModule = {
  name: 'java',
  fileLanguages: [{ id: 'java', label: 'Java', extensions: ['.java'], editorLanguage: true, grammar: 'java', finder: javaFinder }],
  grammars,
  sdkCalls: JAVA_SDK_CALLS,
  escapeDialect: JAVA_ESCAPES,
  readLiteralShape: readJavaShape,
  memberList: typeMembers,
  modules: javaModules,
};
