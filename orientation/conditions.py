"""A small, safe condition language for the questionnaires (no eval, no Python in the data).

    separation in ["in_progress", "separated"] and not domestic_violence
    any_child_under(3) and job_seeking == true
    known(arrondissement) or parent_age >= 26

Grammar, from the loosest to the tightest binding:

    condition  := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := value [("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in") value]
    value      := NUMBER | STRING | true | false | FIELD | FUNCTION "(" [condition ("," condition)*] ")"
                | "[" [value ("," value)*] "]" | "(" condition ")"

Names are the situation fields of CONTRACTS §3; an unknown field has the value null. A
comparison with an unknown value is false (`!=` too), `not` is plain negation, and a bare
value is true when it is true, a non-zero number, a non-empty text or list. Conditions are
checked when the questionnaires are loaded: unknown names, unknown functions, wrong numbers
of arguments, and literals a field can never take are errors.
"""

import re
from dataclasses import dataclass

from orientation.situation import FIELDS

MAX_LENGTH = 500  # characters; a longer condition belongs in a rule, not in a questionnaire

TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>[0-9]+)
      | (?P<string>"[^"\\]*"|'[^'\\]*')
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<symbol>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
    )""",
    re.VERBOSE,
)
KEYWORDS = ("and", "or", "not", "in", "true", "false")
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=", "in", "not in")


class ConditionError(ValueError):
    """A condition that cannot be read; the message says where and why (in French, for authors)."""


@dataclass(frozen=True)
class Token:
    """One word of a condition."""

    kind: str  # number, string, name, keyword, symbol, end
    text: str
    position: int  # 0-based character offset, for error messages


def tokenize(text):
    """Return the tokens of a condition, ending with an "end" token."""
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition trop longue (plus de {MAX_LENGTH} caractères)")
    tokens = []
    position = 0
    while position < len(text):
        if not text[position:].strip():
            break
        match = TOKEN.match(text, position)
        if match is None:
            start = position + len(text[position:]) - len(text[position:].lstrip())
            raise ConditionError(f"caractère inattendu « {text[start]} » à la position {start + 1}")
        kind = match.lastgroup
        value = match.group(kind)
        start = match.start(kind)
        if kind == "name" and value in KEYWORDS:
            kind = "keyword"
        tokens.append(Token(kind, value, start))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# The syntax tree. Each node evaluates against a Situation.


@dataclass(frozen=True)
class Literal:
    """A number, a string, true or false."""

    value: object

    def evaluate(self, situation):
        """Return the value itself."""
        return self.value


@dataclass(frozen=True)
class FieldValue:
    """A situation field; None when unknown."""

    name: str

    def evaluate(self, situation):
        """Return the field's value in the situation."""
        value = getattr(situation, self.name)
        return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class ListValue:
    """A list of values, for `in`."""

    items: tuple

    def evaluate(self, situation):
        """Return the list of the items' values."""
        return [item.evaluate(situation) for item in self.items]


@dataclass(frozen=True)
class Call:
    """One of the named functions of FUNCTIONS."""

    name: str
    arguments: tuple

    def evaluate(self, situation):
        """Return the function's answer for the situation."""
        return FUNCTIONS[self.name].function(situation, *(argument.evaluate(situation) for argument in self.arguments))


@dataclass(frozen=True)
class Not:
    """Negation."""

    operand: object

    def evaluate(self, situation):
        """Return the opposite of the operand's truth."""
        return not truth(self.operand.evaluate(situation))


@dataclass(frozen=True)
class AllOf:
    """`a and b and …`."""

    operands: tuple

    def evaluate(self, situation):
        """Tell whether every operand is true."""
        return all(truth(operand.evaluate(situation)) for operand in self.operands)


@dataclass(frozen=True)
class AnyOf:
    """`a or b or …`."""

    operands: tuple

    def evaluate(self, situation):
        """Tell whether one operand is true."""
        return any(truth(operand.evaluate(situation)) for operand in self.operands)


@dataclass(frozen=True)
class Comparison:
    """`left op right`; false when either side is unknown."""

    operator: str
    left: object
    right: object

    def evaluate(self, situation):
        """Compare both sides; an unknown side makes the comparison false."""
        left = self.left.evaluate(situation)
        right = self.right.evaluate(situation)
        if left is None or right is None:
            return False
        if self.operator in ("in", "not in"):
            found = left in right if isinstance(right, list) else False
            return found if self.operator == "in" else not found
        if self.operator == "==":
            return left == right
        if self.operator == "!=":
            return left != right
        if not _comparable(left, right):
            return False
        return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[self.operator]


def _comparable(left, right):
    numbers = all(isinstance(side, int) and not isinstance(side, bool) for side in (left, right))
    return numbers or all(isinstance(side, str) for side in (left, right))


def truth(value):
    """Return the truth of a value: true, a non-zero number, a non-empty list; unknown is false."""
    return bool(value) if value is not None else False


@dataclass(frozen=True)
class Function:
    """A function that conditions may call."""

    arity: int
    function: object  # (situation, *arguments) -> value


def _int_argument(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


FUNCTIONS = {
    # known(field): the family answered it.
    "known": Function(1, lambda situation, value: value is not None),
    # any_child_under(3): a child younger than 3 is known.
    "any_child_under": Function(1, lambda situation, age: _int_argument(age) is not None and situation.has_child_under(age)),
    # any_child_between(11, 17): a child of 11 to 17 years included is known.
    "any_child_between": Function(
        2,
        lambda situation, low, high: (
            None not in (_int_argument(low), _int_argument(high)) and bool(situation.ages_between(low, high))
        ),
    ),
}


class Parser:
    """A recursive-descent parser over the tokens of one condition."""

    def __init__(self, text):
        self.tokens = tokenize(text)
        self.index = 0

    @property
    def current(self):
        """The token being looked at."""
        return self.tokens[self.index]

    def take(self, kind=None, text=None):
        """Consume the current token if it matches, and return it; else return None."""
        token = self.current
        if (kind is None or token.kind == kind) and (text is None or token.text == text):
            self.index += 1
            return token
        return None

    def expect(self, kind, text, what):
        """Consume a token that must be there."""
        token = self.take(kind, text)
        if token is None:
            raise self.error(f"{what} attendu")
        return token

    def error(self, message):
        """Return a ConditionError located at the current token."""
        token = self.current
        found = f"« {token.text} »" if token.kind != "end" else "la fin"
        return ConditionError(f"{message} à la position {token.position + 1} (trouvé {found})")

    def parse(self):
        """Return the syntax tree of the whole condition."""
        if self.current.kind == "end":
            raise self.error("condition vide")
        tree = self.parse_or()
        if self.current.kind != "end":
            raise self.error("fin de condition")
        return tree

    def parse_or(self):
        """or := and ("or" and)*"""
        return self.parse_chain("or", self.parse_and, AnyOf)

    def parse_and(self):
        """and := not ("and" not)*"""
        return self.parse_chain("and", self.parse_not, AllOf)

    def parse_chain(self, keyword, parse_operand, node):
        """Read operands joined by a keyword; one operand alone is returned as it is."""
        operands = [parse_operand()]
        while self.take("keyword", keyword):
            operands.append(parse_operand())
        return operands[0] if len(operands) == 1 else node(tuple(operands))

    def parse_not(self):
        """not := "not" not | comparison"""
        if self.take("keyword", "not"):
            return Not(self.parse_not())
        return self.parse_comparison()

    def parse_comparison(self):
        """comparison := value [operator value]"""
        left = self.parse_value()
        operator = None
        if self.current.kind == "symbol" and self.current.text in COMPARISONS:
            operator = self.take().text
        elif self.take("keyword", "in"):
            operator = "in"
        elif self.current.kind == "keyword" and self.current.text == "not" and self.tokens[self.index + 1].text == "in":
            self.index += 2
            operator = "not in"
        if operator is None:
            return left
        right = self.parse_value()
        comparison = Comparison(operator, left, right)
        check_comparison(comparison)
        return comparison

    def parse_value(self):
        """value := number | string | true | false | field | call | list | (condition)"""
        token = self.current
        if self.take("number"):
            return Literal(int(token.text))
        if self.take("string"):
            return Literal(token.text[1:-1])
        if self.take("keyword", "true"):
            return Literal(True)
        if self.take("keyword", "false"):
            return Literal(False)
        if self.take("symbol", "("):
            inner = self.parse_or()
            self.expect("symbol", ")", "« ) »")
            return inner
        if self.take("symbol", "["):
            return ListValue(tuple(self.parse_items(self.parse_value, "]")))
        if self.take("name"):
            if self.take("symbol", "("):
                return self.parse_call(token)
            if token.text not in FIELDS:
                raise ConditionError(f"champ inconnu « {token.text} » à la position {token.position + 1}")
            return FieldValue(token.text)
        raise self.error("valeur attendue")

    def parse_items(self, parse_item, closing):
        """Read `item ("," item)*` up to the closing symbol, after the opening one; return the items."""
        items = []
        if not self.take("symbol", closing):
            items.append(parse_item())
            while self.take("symbol", ","):
                items.append(parse_item())
            self.expect("symbol", closing, f"« {closing} »")
        return items

    def parse_call(self, name_token):
        """call := FUNCTION "(" [condition ("," condition)*] ")", read after its opening parenthesis."""
        function = FUNCTIONS.get(name_token.text)
        if function is None:
            known = ", ".join(FUNCTIONS)
            raise ConditionError(
                f"fonction inconnue « {name_token.text} » à la position {name_token.position + 1} (connues : {known})"
            )
        arguments = self.parse_items(self.parse_or, ")")
        if len(arguments) != function.arity:
            raise ConditionError(f"« {name_token.text} » prend {function.arity} argument(s), pas {len(arguments)}")
        return Call(name_token.text, tuple(arguments))


def _literal_values(node):
    if isinstance(node, Literal):
        return [node.value]
    if isinstance(node, ListValue) and all(isinstance(item, Literal) for item in node.items):
        return [item.value for item in node.items]
    return None


def _fits(spec, value):
    if spec.type == "bool":
        return isinstance(value, bool)
    if spec.type in ("int", "ages"):
        return isinstance(value, int) and not isinstance(value, bool)
    if spec.type == "choice":
        return value in spec.choices
    return isinstance(value, str)


def check_comparison(comparison):
    """Refuse a comparison of a field with literals the field can never take (a typo in the data)."""
    if not isinstance(comparison.left, FieldValue):
        return
    spec = FIELDS[comparison.left.name]
    values = _literal_values(comparison.right)
    if values is None:
        return
    if comparison.operator in ("in", "not in") and not isinstance(comparison.right, ListValue):
        raise ConditionError(f"« {comparison.operator} » demande une liste entre crochets après « {comparison.left.name} »")
    for value in values:
        if not _fits(spec, value):
            raise ConditionError(f"« {comparison.left.name} » ne peut pas valoir {value!r}")


def compile_condition(text):
    """Return the syntax tree of a condition, or raise ConditionError."""
    if not isinstance(text, str):
        raise ConditionError("une condition doit être un texte")
    return Parser(text).parse()


def holds(condition, situation):
    """Tell whether a compiled condition (or None, always true) holds for a situation."""
    return condition is None or truth(condition.evaluate(situation))
