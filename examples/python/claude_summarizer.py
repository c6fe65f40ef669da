"""Summarises long incident reports for the weekly reliability review."""
import sys
from pathlib import Path

import anthropic

client = anthropic.Anthropic()

SUMMARY_SYSTEM = (
    "You are a site reliability engineer writing for the weekly reliability review. "
    "Summarise the incident report you are given in this exact structure:\n"
    "1. Impact (who was affected, for how long)\n"
    "2. Root cause (one or two sentences)\n"
    "3. What fixed it\n"
    "4. Follow-up actions, each with an owner if the report names one\n"
    "Use plain English and keep it under 200 words. Do not speculate beyond the report."
)


def summarise_incident(report: str, service: str) -> str:
    message = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=600,
        system=SUMMARY_SYSTEM,
        messages=[
            {
                "role": "user",
                "content": f"Service: {service}\n\nIncident report:\n{report}",
            }
        ],
    )
    return "".join(block.text for block in message.content if block.type == "text")


def main() -> None:
    if len(sys.argv) != 3:
        print("usage: claude_summarizer.py SERVICE REPORT.md", file=sys.stderr)
        sys.exit(2)
    service, report_path = sys.argv[1], Path(sys.argv[2])
    report = report_path.read_text(encoding="utf-8")
    print(summarise_incident(report, service))


if __name__ == "__main__":
    main()
