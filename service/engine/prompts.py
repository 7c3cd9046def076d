"""Prompt templates live as files in prompts/; each is checked for exactly its placeholders when loaded."""

import string
from dataclasses import dataclass
from pathlib import Path

from service.errors import PromptTemplateError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    text: str
    placeholders: frozenset[str]

    def render(self, **values: str) -> str:
        return self.text.format(**values)


def load_prompt(name: str, placeholders: set[str], directory: Path = PROMPTS_DIR) -> PromptTemplate:
    path = directory / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptTemplateError(f"cannot read prompt {path}: {exc.strerror}") from exc
    try:
        found = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as exc:
        raise PromptTemplateError(f"prompt {path} is not a valid template: {exc}") from exc
    if found != placeholders:
        raise PromptTemplateError(f"prompt {path} has placeholders {sorted(found)}, expected {sorted(placeholders)}")
    return PromptTemplate(name=name, text=text, placeholders=frozenset(found))


@dataclass(frozen=True)
class AnswerPrompts:
    system: PromptTemplate
    user: PromptTemplate
    history_turn: PromptTemplate
    translate_question: PromptTemplate
    translate_answer: PromptTemplate


def load_answer_prompts(directory: Path = PROMPTS_DIR) -> AnswerPrompts:
    return AnswerPrompts(
        system=load_prompt("answer_system.txt", set(), directory),
        user=load_prompt("answer_user.txt", {"history", "sources", "question"}, directory),
        history_turn=load_prompt("history_turn.txt", {"question", "answer"}, directory),
        translate_question=load_prompt("translate_question.txt", {"language", "question"}, directory),
        translate_answer=load_prompt("translate_answer.txt", {"language", "text"}, directory),
    )
