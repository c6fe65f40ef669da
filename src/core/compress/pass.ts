/** A compression pass: a pure rewrite of masked text (protected spans are single sentinel characters). */
import type { EncodingName } from '../tokens/encodings';
import type { ProtectedSpan } from './protectedSpans';
import type { CompressMode } from './types';

export interface PassContext {
  mode: CompressMode;
  spans: readonly ProtectedSpan[];
  /** The encoding whose token counts decide which table entries pay off. */
  encoding: EncodingName;
}

export interface PassOutput {
  text: string;
  /** What was removed, still masked (the driver unmasks it for the report). */
  dropped?: string[];
}

export interface CompressionPass {
  name: string;
  /** Only run in aggressive mode. */
  aggressiveOnly: boolean;
  /** May remove whole protected spans (never ones holding a placeholder); every other pass must keep all. */
  mayDropSpans?: boolean;
  apply(masked: string, context: PassContext): PassOutput;
}
