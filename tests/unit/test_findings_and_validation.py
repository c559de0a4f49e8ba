"""A finding about several lines names them all; every reader splits the subject the same way."""

from lawyer_billing.domain.findings import Finding


def test_subjects_are_the_ids_the_subject_lists():
    finding = Finding("duplicate_attendance", "T127 facturé deux fois", "annexe II T98", "12, 9,S3 ,")
    assert finding.subjects == {"12", "9", "S3"}
    assert Finding("x", "y", "z").subjects == frozenset()


def test_an_amount_finer_than_a_cent_is_refused_on_its_field():
    from decimal import Decimal

    from lawyer_billing.domain.validation import finer_than_a_cent

    assert finer_than_a_cent("amount", Decimal("45.67")) == []
    assert [p.field for p in finer_than_a_cent("amount", Decimal("45.678"))] == ["amount"]
    assert "deux décimales" in finer_than_a_cent("amount", Decimal("0.001"))[0].message_fr
