"""Scenarios: steps as data (TOML files), a runner on the headless client with the contract
monitor watching, the shipped SC-001 segments and per-clause scenarios, saved regressions."""
