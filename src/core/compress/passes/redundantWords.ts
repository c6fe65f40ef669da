/**
 * Words that grammar does not need and whose removal leaves the same statement:
 * - "that" introducing a clause after a reporting verb ("say that you don't know" → "say you don't know");
 * - "any" after a negated verb or "without" ("do not add any comments" → "do not add comments");
 * - intensifiers on words that already mark priority ("very important" → "important", "absolutely must").
 */
import type { CompressionPass } from '../pass';

const B = "(?<![\\p{L}\\p{N}_'’-])";
const E = "(?![\\p{L}\\p{N}_'’-])";

const REPORTING_VERBS = 'say|says|state|states|mention|mentions|confirm|confirms|ensure|ensures|check|checks|verify|verifies|know|knows|assume|assumes|remember|indicate|indicates|explain|explains|note|notes|show|shows|tell (?:them|him|her|me|us|the user|the customer)|let (?:them|him|her|me|us|the user|the customer) know';
// The clause after "that" must start with a subject, so "that" cannot be a determiner ("say that word").
// Not "no"/"none"/"all": "say no results were found" could be read as "say 'no'".
const CLAUSE_SUBJECT = "(?:you|they|he|she|we|I|it|there|the|your|their|his|her|its|this|these)";
const COMPLEMENTIZER = new RegExp(`${B}((?:${REPORTING_VERBS}))[ \\t]+that[ \\t]+(?=${CLAUSE_SUBJECT}${E})`, 'giu');

const NEGATED = "(?:do not|don't|does not|doesn't|never|cannot|can't|must not|should not|without)";
const VERBS = 'use|include|add|output|give|make|write|mention|invent|return|contain|contains|have|has|reveal|share|provide|offer|change|modify|expose|print|insert|append|repeat|assume';
const NEGATED_ANY = new RegExp(`${B}(${NEGATED}(?:[ \\t]+(?:${VERBS}))?)[ \\t]+any[ \\t]+(?!(?:of|longer|way|ways|one)${E})(?=[\\p{L}])`, 'giu');

const PRIORITY_INTENSIFIER = new RegExp(`${B}(very|extremely|really|super|absolutely|critically|incredibly)[ \t]+(important|essential|crucial|critical|vital)${E}`, 'giu');
const MODAL_INTENSIFIER = new RegExp(`${B}(absolutely)[ \t]+(must|never|always|not|no)${E}`, 'giu');

export const redundantWordsPass: CompressionPass = {
  name: 'redundant-words',
  aggressiveOnly: false,
  apply(masked) {
    const dropped: string[] = [];
    let text = masked.replace(COMPLEMENTIZER, (_whole: string, verb: string) => {
      dropped.push('that');
      return `${verb} `;
    });
    // "any other" keeps "other": "do not add any other text" → "do not add other text".
    text = text.replace(NEGATED_ANY, (_whole: string, kept: string) => {
      dropped.push('any');
      return `${kept} `;
    });
    // The kept word takes the intensifier's capital: "Very important:" → "Important:".
    const dropIntensifier = (_whole: string, intensifier: string, word: string): string => {
      dropped.push(intensifier);
      return /^\p{Lu}/u.test(intensifier) && !/^\p{Lu}+$/u.test(intensifier) ? word[0].toUpperCase() + word.slice(1) : word;
    };
    text = text.replace(PRIORITY_INTENSIFIER, dropIntensifier).replace(MODAL_INTENSIFIER, dropIntensifier);
    return { text, dropped };
  },
};
