"""Output helpers shared by the commands: rich console, JSON and JUnit XML."""
