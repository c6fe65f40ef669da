import * as assert from 'assert';
import { LANGUAGE_MODULES } from '../../../../src/core/languages/languageRegistry';
import { promptArguments, shapesByCallee, type CallForm, type SdkCallShape } from '../../../../src/core/languages/sdkCallShape';

/** The forms each finder reads: a shape of another form in its table would be ignored without a word. */
const FORMS_READ: Record<string, readonly CallForm[]> = {
  python: ['call', 'message'],
  javascript: ['call', 'message'],
  go: ['call', 'field'],
  java: ['new', 'static', 'method', 'chain', 'modelMethod'],
  csharp: ['new', 'method', 'field'],
  promptFiles: [],
};

suite('SDK call shapes', () => {
  test('every language module has its forms listed here', () => {
    assert.deepStrictEqual(LANGUAGE_MODULES.map((m) => m.name).sort(), Object.keys(FORMS_READ).sort());
  });

  test('each table uses only the forms its finder reads, and names each callee once per form', () => {
    for (const module of LANGUAGE_MODULES) {
      const seen = new Set<string>();
      for (const shape of module.sdkCalls) {
        assert.ok(FORMS_READ[module.name].includes(shape.form), `${module.name}: ${shape.form} ${shape.callee}`);
        const key = `${shape.form} ${shape.callee}`;
        assert.ok(!seen.has(key), `${module.name}: ${key} twice (the second is never reached)`);
        seen.add(key);
      }
    }
  });

  test('a lookup finds shapes by callee, ignores other forms and Object.prototype names, and refuses duplicates', () => {
    const shapes: SdkCallShape[] = [
      { sdk: 'a', form: 'new', callee: 'UserMessage', role: 'user' },
      { sdk: 'a', form: 'method', callee: 'UserMessage', role: 'system' },
    ];
    const byName = shapesByCallee(shapes, 'new');
    assert.strictEqual(byName.UserMessage?.role, 'user');
    assert.strictEqual(byName.toString, undefined);
    assert.strictEqual(byName.constructor, undefined);
    assert.throws(() => shapesByCallee([...shapes, { sdk: 'b', form: 'new', callee: 'UserMessage' }], 'new'), /two new shapes for UserMessage/);
  });

  test('promptArguments picks one argument, all of them, or the rest', () => {
    const list = ['a', 'b', 'c'];
    assert.deepStrictEqual(promptArguments({}, list), ['a']);
    assert.deepStrictEqual(promptArguments({ arg: 1 }, list), ['b']);
    assert.deepStrictEqual(promptArguments({ arg: 5 }, list), []);
    assert.deepStrictEqual(promptArguments({ arg: 'all' }, list), ['a', 'b', 'c']);
    assert.deepStrictEqual(promptArguments({ arg: 'rest', from: 1 }, list), ['b', 'c']);
  });
});
