"""pytest plugin (entry point ``pytest11``): fixtures for contract tests in any project.

Fixtures: ``wow_client`` (a fresh headless 3.3.5a client), ``mgm_addon`` (the bundled
reference addon loaded and logged in), ``chatlog_path`` (the client's ``WoWChatLog.txt``),
``mock_ebs`` (an in-process mock EBS).
"""

from __future__ import annotations
