// Routes incoming feedback to the right team with Gemini (Google Gen AI SDK).
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

const TEAMS = ['billing', 'mobile-app', 'web-app', 'integrations', 'other'];

const classifierPrompt = `Classify the customer feedback below into exactly one team:
${TEAMS.join(', ')}.
Answer with the team name only, in lower case, with no punctuation.`;

/**
 * @param {{ id: string, channel: string, text: string }} feedback
 * @returns {Promise<string>}
 */
export async function classifyFeedback(feedback) {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: `Channel: ${feedback.channel}\nFeedback: ${feedback.text}`,
    config: {
      systemInstruction: classifierPrompt,
      maxOutputTokens: 10,
      temperature: 0,
    },
  });
  const team = (response.text ?? '').trim().toLowerCase();
  if (!TEAMS.includes(team)) {
    console.warn(`unexpected team "${team}" for feedback ${feedback.id}`);
    return 'other';
  }
  return team;
}

export async function classifyBatch(items) {
  const counts = Object.fromEntries(TEAMS.map((t) => [t, 0]));
  for (const item of items) {
    const team = await classifyFeedback(item);
    counts[team] += 1;
  }
  console.log('feedback routed:', counts);
  return counts;
}
