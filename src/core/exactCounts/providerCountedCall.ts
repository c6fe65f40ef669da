/**
 * A call's estimate on its own model with the provider's exact count of its input, once that count is
 * known (handed in by the face that fetched it); until then the local ≈ estimate stands, and the request
 * that would make it exact is returned for the face to send. Nothing here touches the network: this runs
 * in the pipeline worker, on the typing path.
 */
import type { CallEstimate, CallPricing } from '../estimate/estimateCall';
import type { AssembledCall } from '../prompts/assembleCalls';
import { callPayload, type PayloadSources } from './callPayload';
import { countProviderFor, type ExactCountsInput, type ProviderCountRequest } from './countProviders';
import { countRequest } from './countRequest';

export interface ProviderCountOutcome {
  estimate: CallEstimate;
  /** The request whose answer would make `estimate` exact; null when it is exact already or cannot be asked. */
  pending: ProviderCountRequest | null;
}

/**
 * `local`: the call's estimate on `local.model`; `price`: the call priced on another input (`priceCallInput`).
 * Models of a provider the user did not turn on are left alone, and no request is built for them.
 */
export function withProviderCount(assembled: AssembledCall, local: CallEstimate, sources: PayloadSources, input: ExactCountsInput, price: (inputTokens: number) => CallPricing): ProviderCountOutcome {
  const target = countProviderFor(local.model);
  if (!target || !input.providers.includes(target.provider)) return { estimate: local, pending: null };
  const payload = callPayload(assembled, local, sources);
  const request = countRequest(target.provider, target.model, payload);
  if (!request) return { estimate: local, pending: null };
  const counted = input.known[request.key];
  if (counted === undefined) return { estimate: local, pending: request };
  const inputTokens = Math.max(0, counted + payload.addedTokens);
  return {
    estimate: {
      ...local,
      ...price(inputTokens),
      inputTokens,
      // The provider counted everything sent; assumed sizes stay assumptions (listed in `assumed`), as for OpenAI.
      exact: payload.complete,
      counting: { kind: 'provider', provider: target.provider, added: payload.addedTokens },
    },
    pending: null,
  };
}
