"""How the rules that made an amount read in a table: their articles in the cell (with a sign
when a finding needs a look), each article's explanation and each finding in the tooltip."""

from collections.abc import Sequence

from lawyer_billing.domain.billing import AppliedRule
from lawyer_billing.domain.findings import Finding


def rule_codes(rules: Sequence[AppliedRule], findings: Sequence[Finding] = ()) -> str:
    codes = ", ".join(rule.code for rule in rules)
    return f"{codes} ⚠".strip() if findings else codes


def rule_explanations(rules: Sequence[AppliedRule], findings: Sequence[Finding] = ()) -> str:
    """One line per rule (its explanation starts with its article), then one per finding."""
    return "\n".join([rule.explanation_fr for rule in rules]
                     + [f"⚠ {finding.message_fr} ({finding.article})" for finding in findings])
