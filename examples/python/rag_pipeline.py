"""Retrieval-augmented answers over the internal engineering handbook.

The documents come from Postgres (pgvector); the answer comes from a LangChain chain.
"""
import logging

import psycopg
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

log = logging.getLogger("handbook.rag")

# Not a prompt: the query that fetches the nearest handbook chunks.
NEAREST_CHUNKS_SQL = """
SELECT title, body
FROM handbook_chunks
ORDER BY embedding <=> %(embedding)s
LIMIT %(k)s
"""

ANSWER_PROMPT = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You answer questions from engineers using only the handbook excerpts below. "
            "Cite the excerpt titles you used in square brackets. If the excerpts do not "
            "contain the answer, say that the handbook does not cover it.\n\n"
            "Excerpts:\n{context}",
        ),
        ("human", "{question}"),
    ]
)

llm = ChatOpenAI(model="gpt-4o", temperature=0, max_tokens=500)
embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
chain = ANSWER_PROMPT | llm | StrOutputParser()


def retrieve(conn: psycopg.Connection, question: str, k: int = 4) -> str:
    vector = embeddings.embed_query(question)
    with conn.cursor() as cur:
        cur.execute(NEAREST_CHUNKS_SQL, {"embedding": vector, "k": k})
        rows = cur.fetchall()
    log.info("retrieved %d chunks for question of %d chars", len(rows), len(question))
    return "\n\n".join(f"[{title}]\n{body}" for title, body in rows)


def ask(conn: psycopg.Connection, question: str) -> str:
    context = retrieve(conn, question)
    if not context:
        log.warning("no handbook chunks matched; answering without context")
    return chain.invoke({"context": context, "question": question})


if __name__ == "__main__":
    with psycopg.connect("postgresql://localhost/handbook") as conn:
        print(ask(conn, "How do we roll back a bad deploy?"))
