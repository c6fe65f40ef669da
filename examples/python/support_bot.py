"""Customer support bot for the Acme Cloud help widget.

Answers a customer's message using the account context we already have, and hands off to a human
when the model says it cannot help.
"""
import logging
import os

from openai import OpenAI

logger = logging.getLogger(__name__)

MODEL = "gpt-4o-mini"
MAX_REPLY_TOKENS = 350

SYSTEM_PROMPT = """You are Ava, the support assistant for Acme Cloud, a hosting platform for small teams.

Rules:
- Answer only questions about Acme Cloud accounts, billing, deployments and domains.
- Be concise: at most five sentences, plain language, no marketing tone.
- Never invent prices, limits or features. If you are not sure, say so.
- Never ask for passwords, API keys or full card numbers.
- If the customer is angry or asks for a refund, reply with exactly HANDOFF and nothing else.
"""

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def build_user_message(customer_name: str, plan: str, message: str) -> str:
    return (
        f"Customer: {customer_name} (plan: {plan})\n"
        f"Their message:\n{message}\n\n"
        "Reply to the customer directly."
    )


def answer(customer_name: str, plan: str, message: str) -> str | None:
    logger.info("answering message for %s on plan %s", customer_name, plan)
    response = client.chat.completions.create(
        model=MODEL,
        max_tokens=MAX_REPLY_TOKENS,
        temperature=0.3,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": build_user_message(customer_name, plan, message)},
        ],
    )
    reply = response.choices[0].message.content or ""
    if reply.strip() == "HANDOFF":
        logger.warning("handing off conversation with %s to a human", customer_name)
        return None
    return reply


if __name__ == "__main__":
    print(answer("Priya", "Team", "My deploys have been stuck in 'queued' since this morning."))
