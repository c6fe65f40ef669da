"""Talks to Acme's self-hosted model through its OpenAI-compatible gateway.

"acme-llm-1" is an in-house model: no public price list knows it, so the tool shows "no price" here
until a price is set in .promptcost.yml (priceOverrides).
"""
import os

from openai import OpenAI

gateway = OpenAI(
    base_url=os.environ.get("ACME_GATEWAY_URL", "http://llm-gateway.internal:8080/v1"),
    api_key=os.environ["ACME_GATEWAY_TOKEN"],
)

RELEASE_NOTES_PROMPT = """You write release notes for Acme's internal tools.
Turn the merged pull request titles you are given into a short changelog:
group them under Features, Fixes and Chores, drop anything about CI or typos,
and write each entry as one sentence in the past tense."""


def release_notes(pr_titles: list[str], version: str) -> str:
    titles = "\n".join(f"- {t}" for t in pr_titles)
    response = gateway.chat.completions.create(
        model="acme-llm-1",
        max_tokens=400,
        messages=[
            {"role": "system", "content": RELEASE_NOTES_PROMPT},
            {"role": "user", "content": f"Version {version}. Merged pull requests:\n{titles}"},
        ],
    )
    return response.choices[0].message.content or ""


if __name__ == "__main__":
    print(release_notes(["Add dark mode to the dashboard", "Fix typo in README", "Retry failed webhooks"], "2.8.0"))
