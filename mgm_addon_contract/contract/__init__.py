"""The MGM contract: clauses with ids and SPEC references, and the checks that run them."""

from mgm_addon_contract.contract.clauses import BY_ID, CLAUSES, Clause

__all__ = ["BY_ID", "CLAUSES", "Clause"]
