/**
 * A scan sees both sides of a cross-file prompt: the constant in `prompts.py` (an implied call of its own,
 * found by its name) and the call in another file that sends it (which now counts its text). Counted twice
 * in the totals, the text would cost twice: the implied call is marked as sent by those calls and left
 * out of totals and limits, like a test double.
 */
import type { FileFindings } from './finding';

/** Marks the implied calls whose every part another file's call imports; findings are returned, not changed. */
export function markImportedCalls(findings: FileFindings): FileFindings {
  // `file:line` of each imported constant → the ids of the calls that send it.
  const senders = new Map<string, Set<string>>();
  for (const p of findings.prompts) {
    for (const imported of p.imports ?? []) {
      const key = `${imported.file}\u0000${imported.line}`;
      const set = senders.get(key) ?? new Set<string>();
      for (const id of p.calls) set.add(id);
      senders.set(key, set);
    }
  }
  if (!senders.size) return findings;
  const prompts = new Map(findings.prompts.map((p) => [p.id, p]));
  const calls = findings.calls.map((call) => {
    if (!call.implied || call.testDouble) return call;
    const by = new Set<string>();
    for (const id of call.prompts) {
      const part = prompts.get(id);
      if (!part) return call;
      let sent = false;
      for (let line = part.startLine; line <= part.endLine; line++) {
        for (const sender of senders.get(`${part.file}\u0000${line}`) ?? []) {
          by.add(sender);
          sent = true;
        }
      }
      if (!sent) return call;
    }
    return by.size ? { ...call, sentBy: [...by].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))) } : call;
  });
  return { ...findings, calls };
}
