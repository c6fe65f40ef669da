import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from './command';

/** Flips `promptCost.codeLens.enabled`; the CodeLens controller registers or disposes the provider. Returns the new state. */
export const toggleCodeLensCommand: CommandDefinition = {
  id: CommandId.ToggleCodeLens,
  async run(container) {
    const enabled = !container.config.get('codeLens.enabled');
    await container.config.update('codeLens.enabled', enabled);
    container.log.info(`CodeLens ${enabled ? 'on' : 'off'}`);
    return enabled;
  },
};
