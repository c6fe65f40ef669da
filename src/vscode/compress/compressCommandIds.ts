/** Command ids and the secret key of the Compress Prompt feature (package.json says the same). */
export const enum CompressCommandId {
  CompressPrompt = 'promptCost.compressPrompt',
  SetCompressionApiKey = 'promptCost.setCompressionApiKey',
}

/** SecretStorage key of the model-assisted compression endpoint's API key. */
export const COMPRESS_API_KEY_SECRET = 'promptCost.compress.apiKey';
