/**
 * Trip-planning chat endpoint (Next.js route handler) built on the Vercel AI SDK.
 */
import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';

interface TripRequest {
  destination: string;
  days: number;
  interests: string[];
  budget: 'low' | 'medium' | 'high';
}

const TRAVEL_SYSTEM_PROMPT = `You are a travel planner who writes practical day-by-day itineraries.
Prefer places reachable on foot or by public transport, group sights by neighbourhood,
and add one local food suggestion per day. Never book anything or quote exact prices.`;

function parseTripRequest(body: unknown): TripRequest {
  const b = body as Partial<TripRequest>;
  if (!b.destination || !b.days) {
    throw new Error('destination and days are required');
  }
  return {
    destination: b.destination,
    days: Math.min(b.days, 14),
    interests: b.interests ?? [],
    budget: b.budget ?? 'medium',
  };
}

export async function POST(request: Request): Promise<Response> {
  const trip = parseTripRequest(await request.json());
  console.log(`planning ${trip.days} days in ${trip.destination}`);

  const { text, usage } = await generateText({
    model: openai('gpt-4o-mini'),
    system: TRAVEL_SYSTEM_PROMPT,
    prompt: `Plan a ${trip.days}-day trip to ${trip.destination} on a ${trip.budget} budget.
Interests: ${trip.interests.join(', ') || 'anything'}.
Return one heading per day followed by a short bulleted plan.`,
    maxOutputTokens: 800,
  });

  console.log(`itinerary used ${usage.totalTokens} tokens`);
  return Response.json({ itinerary: text });
}
