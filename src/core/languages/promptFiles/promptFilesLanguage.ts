/**
 * Prompt files: files whose text is the prompt (`promptFileFinder.ts`), so no grammar. VS Code knows only some
 * of them as languages; the rest are matched by file name.
 */
import type { LanguageModule } from '../languageModule';
import { findPromptsInPromptFile } from './promptFileFinder';

export const promptFilesLanguage: LanguageModule = {
  name: 'promptFiles',
  fileLanguages: [
    { id: 'prompt', label: 'Prompt files (`.prompt.md`)', extensions: ['.prompt.md'], editorLanguage: true },
    { id: 'prompty', label: 'Prompty (`.prompty`)', extensions: ['.prompty'], editorLanguage: false },
    { id: 'jinja', label: 'Jinja templates (`.j2`, `.jinja`)', extensions: ['.j2', '.jinja', '.jinja2'], editorLanguage: true },
    { id: 'mustache', label: 'Mustache templates', extensions: ['.mustache'], editorLanguage: false },
    { id: 'handlebars', label: 'Handlebars templates', extensions: ['.hbs', '.handlebars'], editorLanguage: true },
    { id: 'skprompt', label: 'Semantic Kernel `skprompt.txt` (with its `config.json`)', extensions: [], fileNames: ['skprompt.txt'], editorLanguage: false },
    { id: 'skyaml', label: 'Semantic Kernel prompt YAML (`template:` with `template_format:`)', extensions: ['.yaml', '.yml'], editorLanguage: false },
    // `.st` (Spring AI StringTemplate) and `.tmpl` / `.tpl` (Go text/template) are prompt templates there too.
    { id: 'plaintext', label: 'Plain text and templates (`.txt`, `.st`, `.tmpl`) under a `prompts` or `prompt` folder', extensions: ['.txt', '.st', '.tmpl', '.tpl'], editorLanguage: false, onlyInPromptsFolder: true },
    { id: 'markdown', label: 'Markdown under a `prompts` or `prompt` folder', extensions: ['.md'], editorLanguage: false, onlyInPromptsFolder: true },
    { id: 'appsettings', label: 'Prompt sections of .NET `appsettings.json`', extensions: [], fileNames: ['appsettings.json'], editorLanguage: false },
    // Not one implied call: a notebook's Python cells hold real calls, read by the Python finder (`notebook.ts`).
    { id: 'ipynb', label: 'Jupyter notebooks (`.ipynb`, Python code cells)', extensions: ['.ipynb'], editorLanguage: false, textGrammar: 'python' },
  ],
  grammars: {},
  sdkCalls: [], // prompt files are not calls
  findInText: findPromptsInPromptFile,
};
