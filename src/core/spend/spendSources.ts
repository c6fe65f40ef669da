/** Builds the source module for a configured kind. */
import { anthropicSource } from './anthropicSource';
import { liteLlmSource } from './litellmSource';
import { openAiSource } from './openaiSource';
import { openRouterSource } from './openRouterSource';
import { effectiveBaseUrl, type SpendSourceConfig } from './spendConfig';
import type { SourceDeps, SpendSource } from './sourceSupport';
import { trackerSource } from './trackerSource';

export function createSpendSource(config: SpendSourceConfig, deps: SourceDeps): SpendSource {
  const url = effectiveBaseUrl(config);
  switch (config.kind) {
    case 'tracker':
      return trackerSource(config.id, url, config.options, deps);
    case 'openai':
      return openAiSource(config.id, url, config.options, deps);
    case 'anthropic':
      return anthropicSource(config.id, url, config.options, deps);
    case 'litellm':
      return liteLlmSource(config.id, url, config.options, deps);
    case 'openrouter':
      return openRouterSource(config.id, url, config.options, deps);
  }
}
