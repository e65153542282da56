"""Test-suite configuration: Hypothesis profile ``ci`` unless HYPOTHESIS_PROFILE says otherwise."""

from mgm_addon_contract.hypothesis_profiles import load_profile

load_profile("ci")
