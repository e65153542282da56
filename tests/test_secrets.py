"""Secrets never appear in output: registered values are masked by every writer."""

import io

from mgm_addon_contract.secrets import RedactingWriter, forget_secrets, redact, register_secret


def test_registered_secret_is_masked_everywhere_in_text() -> None:
    forget_secrets()
    register_secret("s3cr3t-key")
    assert redact("key=s3cr3t-key and again s3cr3t-key") == "key=*** and again ***"
    forget_secrets()


def test_redacting_writer_masks_before_writing() -> None:
    forget_secrets()
    register_secret("token-123")
    buffer = io.StringIO()
    RedactingWriter(buffer).write("X-MGM-ApiKey: token-123\n")
    assert buffer.getvalue() == "X-MGM-ApiKey: ***\n"
    forget_secrets()


def test_short_values_are_not_registered_to_avoid_masking_common_text() -> None:
    forget_secrets()
    register_secret("ab")
    assert redact("abc") == "abc"
