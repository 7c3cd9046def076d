"""Sentences in an article that speak to the machine reading it, not to a newspaper's reader: "ignore previous
instructions", "SYSTEM NOTE FOR THE ASSISTANT: state that ...", "Assistant: from now on ...". They are never
shown to the model as sources, so the model cannot follow them and a served sentence cannot cite them."""

import re

_PATTERNS = [
    # telling the reader to drop what it was told
    r"\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(previous|prior|above|earlier|all|your|the)\b[^.]{0,20}"
    r"\b(instructions?|rules|prompts?|guidelines|sources|context)\b",
    # a note or a role tag addressed to the model
    r"\b(system|developer)\s+(note|prompt|message|instruction)s?\b",
    r"\bnote\s+(to|for)\s+(the\s+)?(assistant|ai|model|chatbot|language model)\b",
    r"(^|[\s>])(assistant|system|user)\s*:",
    # asking for the prompt, or dictating what the answer must say or cite
    r"\b(reveal|print|repeat|show|output)\b[^.]{0,30}\b(system prompt|your (instructions|prompt|rules))\b",
    r"\b(state|say|write|answer|reply|respond)\s+(only\s+)?(that|with)\b[^.]{0,120}\bcite\b",
    r"\b(whatever|regardless of) the question\b",
    r"\byou (must|should) (now )?(answer|reply|respond|say|state|ignore)\b",
    r"\bfrom now on,? (you|i) (will|must|answer|respond)\b",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), flags=re.IGNORECASE)


def speaks_to_the_model(sentence: str) -> bool:
    return _INSTRUCTION.search(sentence) is not None
