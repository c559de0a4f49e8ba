"""The engine makes the cyclic collector run less often while it computes, and puts the
process's thresholds back afterwards, whatever happens and however computations overlap."""

import gc
import threading
from datetime import date

import pytest

from lawyer_billing.domain.collector import BATCH_THRESHOLD, fewer_collections_while_computing
from lawyer_billing.domain.compute import compute
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.scenario import Scenario, Settings


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_raised_while_computing_and_put_back(thresholds):
    with fewer_collections_while_computing():
        assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_put_back_when_the_computation_fails(thresholds):
    with pytest.raises(ZeroDivisionError), fewer_collections_while_computing():
        1 / 0
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_computations_put_back_once_the_last_ends(thresholds):
    first_in, first_may_end = threading.Event(), threading.Event()
    seen = []

    def first():
        with fewer_collections_while_computing():
            first_in.set()
            assert first_may_end.wait(5)
            seen.append(gc.get_threshold())

    worker = threading.Thread(target=first)
    worker.start()
    assert first_in.wait(5)
    with fewer_collections_while_computing():
        pass
    # the second ended first: the first is still computing, the raise stays
    assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
    first_may_end.set()
    worker.join(5)
    assert seen == [(BATCH_THRESHOLD, 10, 10)] and gc.get_threshold() == (700, 10, 10)


def test_compute_prices_with_fewer_collections_and_leaves_the_thresholds_as_it_found_them(thresholds):
    seen = []

    def price(services, mandates):
        seen.append(gc.get_threshold())
        return price_services(services, mandates)

    compute(Scenario(Settings(today=date(2026, 11, 22)), {}, (), (), (), ()), price)
    assert seen == [(BATCH_THRESHOLD, 10, 10)] and gc.get_threshold() == (700, 10, 10)
