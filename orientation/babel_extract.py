"""A Babel extractor for the questionnaires: the French texts of data/questionnaires/*.yaml.

babel.cfg names it (`[extractors] questionnaires = orientation.babel_extract:extract_questionnaires`),
so `make messages` puts every title, summary, introduction, question, help and answer label in
translations/messages.pot with its file and line, and a note naming the questionnaire and the key.
"""

import yaml

from orientation.questionnaires import TEXT_KEYS


def _texts(node, trail):
    """Yield (line, text, trail) for every translatable scalar under a YAML node."""
    if isinstance(node, yaml.MappingNode):
        identifier = next(
            (value.value for key, value in node.value if key.value in ("id", "use") and isinstance(value, yaml.ScalarNode)), None
        )
        here = [*trail, identifier] if identifier else trail
        for key, value in node.value:
            if key.value in TEXT_KEYS and isinstance(value, yaml.ScalarNode) and value.value.strip():
                yield value.start_mark.line + 1, value.value, [*here, key.value]
            else:
                yield from _texts(value, here)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _texts(item, trail)


def extract_questionnaires(fileobj, keywords, comment_tags, options):
    """Yield (line, function, message, comments) for Babel, one per text of a questionnaire file."""
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if root is None:
        return
    for line, text, trail in _texts(root, []):
        # I18N notes tell translators where the text is shown.
        yield line, None, text, ["I18N: questionnaire " + " › ".join(str(part) for part in trail)]
