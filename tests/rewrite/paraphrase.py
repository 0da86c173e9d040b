#!/usr/bin/python3
"""A deterministic paraphraser, for the --rewriter tests (and the stub
server's faithful answers): reads a gisa rewrite prompt on stdin, writes
the section (or the sentence sent back) in 해요체 on stdout.

    paraphrase.py           faithful
    paraphrase.py --slip    changes a number on the first ask (1만 2천 명 ->
                            1만 5천 명) and sets it right when sent back
    paraphrase.py --save F  also appends each prompt it gets to file F
"""
import re
import sys

ENDINGS = [
    ("밝혔다", "밝혔어요"), ("줄인다", "줄여요"), ("배치된다", "배치돼요"),
    ("했다", "했어요"), ("한다", "해요"), ("된다", "돼요"), ("났다", "났어요"),
    ("이다", "이에요"),
]
WORDS = [("우선 배치", "먼저 배치"), ("전국 산림에", "전국의 산림에"),
         ("현장 대응 체계를", "현장의 대응 체계를")]


def soften(sentence):
    for a, b in WORDS:
        sentence = sentence.replace(a, b)
    for a, b in ENDINGS:
        if sentence.rstrip(".").endswith(a):
            return sentence.rstrip(".")[: -len(a)] + b + "."
    return sentence


def sentences(paragraph):
    # split after "다." / "요." followed by a space: enough for the fixture
    return [s for s in re.split(r"(?<=[다요]\.)\s+", paragraph.strip()) if s]


def paragraphs(source):
    out = []
    for p in source.strip().split("\n\n"):
        p = re.sub(r"^(○|-|□)\s*", "", p.strip())
        out.append(" ".join(soften(s) for s in sentences(p)))
    return out


def part(prompt, head):
    """The text after the line `head` up to the next blank line + label."""
    i = prompt.rfind(head + "\n")
    if i < 0:
        return ""
    return prompt[i + len(head) + 1:]


def section(prompt):
    return "\n\n".join(paragraphs(part(prompt, "원문:")))


def title(prompt):
    """The release's title, from the prompt's first line, said plainly."""
    m = re.search(r"「(.*?)」", prompt)
    return (m.group(1) if m else "") + ", 정리해 봤어요"


def excerpt(prompt):
    """The first sentences of the lead's first two paragraphs."""
    return " ".join(sentences(p)[0] for p in paragraphs(part(prompt, "원문:"))[:2])


def sent_back(prompt):
    return part(prompt, "고쳐 쓸 문장:").split("\n\n")[0].strip()


def respond(prompt, slip=False):
    """The answer to one prompt: a section, a title, an excerpt, or a
    sentence sent back."""
    if "고쳐 쓸 문장:" in prompt:
        return sent_back(prompt).replace("1만 5천 명", "1만 2천 명")
    if "제목 한 줄" in prompt:
        return title(prompt)
    if "두세 문장으로 요약" in prompt:
        return excerpt(prompt)
    text = section(prompt)
    return text.replace("1만 2천 명", "1만 5천 명", 1) if slip else text


def main():
    prompt = sys.stdin.read()
    if "--save" in sys.argv[1:]:
        with open(sys.argv[sys.argv.index("--save") + 1], "a") as f:
            f.write(prompt)
    sys.stdout.write(respond(prompt, "--slip" in sys.argv[1:]) + "\n")


if __name__ == "__main__":
    main()
