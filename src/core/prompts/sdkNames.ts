/**
 * SDK names and chat roles as code spells them, normalised so one table serves every language and style.
 */

/** `system_instruction`, `systemInstruction`, `SystemInstruction` → `systeminstruction`: compare SDK names across languages. */
export function normalizeName(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/** Chat role names as the engine reports them (`human` → `user`, `ai`/`model` → `assistant`). */
export function normalizeRole(role: string): string | undefined {
  const r = role.trim().toLowerCase();
  if (r === 'system' || r === 'developer' || r === 'user' || r === 'assistant') return r;
  if (r === 'human') return 'user';
  if (r === 'ai' || r === 'model' || r === 'bot') return 'assistant';
  return undefined;
}
