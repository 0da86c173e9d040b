#!/usr/bin/python3
"""A stub OpenAI-compatible chat-completions server for the rewrite tests.

    stub_llm.py PORTFILE LOGFILE

Listens on 127.0.0.1 at a free port, writes the port to PORTFILE, and
answers POST .../chat/completions by the request's "model", which names a
scenario:

  faithful            the section in 해요체 (paraphrase.py)
  name, number, negation, role, claim
                      the faithful text with one error of that kind; a
                      sentence sent back is answered set right
  NAME-stubborn       the same error, and sent back it comes back wrong
  headline            a title with a changed number and an excerpt with an
                      invented claim, both unchanged when sent back
  slow                answers after 5 s
  busy                429 with Retry-After: 1 on the first request, then faithful
  busy-always         429 with Retry-After: 0, always
  error               500, always
  huge                a 50 MB answer
  garbage             a body that is not JSON
  empty               an empty content
  cut                 finish_reason "length"

Every request is logged to LOGFILE: model, "section" or "retry", and
whether an Authorization header came (its value is never written).
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paraphrase  # noqa: E402

# (wrong, right): the error a scenario makes, and its correction
ERRORS = {
    "name": ("이정민 산림청장", "김서진 산림청장"),
    "number": ("1만 5천 명", "1만 2천 명"),
    "negation": ("새로 도입하기로 했으며", "새로 도입하지 않기로 했으며"),
    "role": ("김서진 기상청장", "김서진 산림청장"),
}
CLAIM = "산림청은 산불 감시 인력의 임금을 올리기로 결정했어요."
SEEN = {}
LOCK = threading.Lock()


def inject(kind, text):
    if kind == "claim":
        parts = text.split("\n\n")
        parts[0] = parts[0] + " " + CLAIM
        return "\n\n".join(parts)
    wrong, right = ERRORS[kind]
    return text.replace(right, wrong, 1)


def answer(model, prompt):
    retry = "고쳐 쓸 문장:" in prompt
    base, _, stubborn = model.partition("-")
    if retry:
        sentence = paraphrase.sent_back(prompt)
        if stubborn or base == "headline":
            return sentence
        if base == "claim":
            return sentence.replace(CLAIM, "").strip() or "산림청은 감시 인력을 배치해요."
        wrong, right = ERRORS.get(base, ("", ""))
        return sentence.replace(wrong, right) if wrong else sentence
    text = paraphrase.respond(prompt)
    if base == "headline":
        if "제목 한 줄" in prompt:
            return text.replace("1만 2천 명", "1만 5천 명")
        if "두세 문장으로 요약" in prompt:
            return text + " " + CLAIM
        return text
    if "제목 한 줄" in prompt or "두세 문장으로 요약" in prompt:
        return text  # the errors are the sections'
    if base in ERRORS or base == "claim":
        # the name and role errors need 김서진, in the second section
        if base == "claim" or ERRORS[base][1] in text:
            text = inject(base, text)
    return text


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, headers=()):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        req = json.loads(self.rfile.read(n))
        model = req.get("model", "")
        prompt = req["messages"][-1]["content"]
        kind = "retry" if "고쳐 쓸 문장:" in prompt else "section"
        auth = "auth" if self.headers.get("Authorization") else "noauth"
        with LOCK:
            SEEN[model] = SEEN.get(model, 0) + 1
            count = SEEN[model]
            with open(sys.argv[2], "a") as log:
                log.write(f"{model} {kind} {auth}\n")
        if model == "slow":
            time.sleep(5)
        if model == "busy" and count == 1:
            return self.send(429, '{"error": "busy"}', [("Retry-After", "1")])
        if model == "busy-always":
            return self.send(429, '{"error": "busy"}', [("Retry-After", "0")])
        if model == "error":
            return self.send(500, '{"error": {"message": "the model crashed"}}')
        if model == "garbage":
            return self.send(200, '{"choices": [{"message": {"content": "반쯤')
        if model == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()  # no length: read until the server closes
            self.close_connection = True
            try:
                self.wfile.write(b'{"choices": [{"message": {"content": "')
                chunk = b"a" * (1 << 20)
                for _ in range(50):
                    self.wfile.write(chunk)
                self.wfile.write(b'"}}]}')
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        content = "" if model == "empty" else answer(model if model != "busy" else "faithful",
                                                     prompt)
        finish = "length" if model == "cut" else "stop"
        self.send(200, json.dumps({
            "id": "stub", "object": "chat.completion", "model": model,
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": content}}]},
            ensure_ascii=False))


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
