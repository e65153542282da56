"""Test-suite configuration: Hypothesis profile ``ci`` unless HYPOTHESIS_PROFILE says otherwise;
clients use the built-in UI unless a test asks for FrameXML."""

from mgm_addon_contract.hypothesis_profiles import load_profile
from tests.shared_data import set_aside_framexml

load_profile("ci")
set_aside_framexml()
