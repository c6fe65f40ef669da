/**
 * List and heading tightening that keeps the structure: `*`/`+`/`•` bullets → `-`, no blank lines between
 * items of one list, no trailing colon or bold inside a Markdown heading, bold-only label lines unbolded,
 * and no full stop closing a one-sentence bullet.
 */
import type { CompressionPass } from '../pass';

const ITEM = String.raw`[ \t]*(?:-|\d+[.)]|[\uE000-\uF8FF][.)])[ \t]+\S`;

export const listsHeadingsPass: CompressionPass = {
  name: 'lists-headings',
  aggressiveOnly: false,
  apply(masked) {
    const text = masked
      .replace(/^([ \t]*)[*+•·▪◦][ \t]+(?=\S)/gm, '$1- ')
      .replace(new RegExp(`^(${ITEM}.*)\\n[ \\t]*\\n(?=${ITEM})`, 'gm'), '$1\n')
      .replace(/^(#{1,6}[ \t]+)\*\*([^*\n]+)\*\*[ \t]*$/gm, '$1$2')
      .replace(/^(#{1,6}[ \t]+[^\n]*?)[ \t]*:[ \t]*$/gm, '$1')
      .replace(/^([ \t]*)\*\*([^*\n]+?)\*\*(:?)[ \t]*$/gm, '$1$2$3')
      .replace(/^([ \t]*-[ \t]+[^\n.!?]*[^\s.!?:;,])\.[ \t]*$/gm, '$1');
    return { text };
  },
};
