/**
 * How a command is declared: one file per command exports a `CommandDefinition`, and
 * `registerCommands.ts` lists it. Handlers get the container first, then the command's arguments.
 * A failing handler is logged (and offered as "Show Log"), never shown as a modal.
 */
import type { CommandId } from '../../core/manifest/commandIds';
import type { Container } from '../container';

export interface CommandDefinition {
  id: CommandId;
  run(container: Container, ...args: unknown[]): unknown;
}
