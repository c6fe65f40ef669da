import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from './command';

/** Opens the "Prompt Cost Lens" log channel. */
export const showLogCommand: CommandDefinition = {
  id: CommandId.ShowLog,
  run(container) {
    container.log.show(true);
  },
};
