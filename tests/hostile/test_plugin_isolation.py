"""The pytest plugin's isolation: ``--mgm-isolate`` loads the addon under test in a worker
first, and ``mgm_worker`` runs jobs isolated."""

from __future__ import annotations

pytest_plugins = ["pytester"]


def test_isolated_probe_and_worker_fixture(pytester) -> None:  # noqa: ANN001
    pytester.makepyfile("""
        import operator

        def test_loaded(mgm_addon):
            assert mgm_addon.loaded_addons

        def test_worker(mgm_worker):
            assert mgm_worker.run(operator.add, 2, 3) == 5
    """)
    result = pytester.runpytest("--mgm-isolate", "-p", "no:cacheprovider", "-n", "0")
    result.assert_outcomes(passed=2)
