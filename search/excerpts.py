"""Why a result matches: the part of its description that holds the searched words, marked."""

EXCERPT_CHARACTERS = 220  # about two lines on a phone


def excerpt(text, terms, analyzer, width=EXCERPT_CHARACTERS):
    """Return [(piece of text, is a searched word)] around the densest group of searched words.

    The pieces put together are a window of the text of about `width` characters, cut at
    spaces, with "…" where it was cut; the searched words are marked for highlighting.
    """
    if not text:
        return []
    found = [(token.startchar, token.endchar) for token in analyzer(text, chars=True) if token.text in terms]
    start = 0
    if found:
        # The window that starts at a searched word and holds the most searched words.
        best = max(found, key=lambda span: sum(1 for other in found if span[0] <= other[0] < span[0] + width))
        start = max(0, best[0] - width // 5)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces = [("…", False)] if start > 0 else []
    position = start
    for begin, finish in found:
        if begin < start or finish > end:
            continue
        if begin > position:
            pieces.append((text[position:begin], False))
        pieces.append((text[begin:finish], True))
        position = finish
    if position < end:
        pieces.append((text[position:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces
