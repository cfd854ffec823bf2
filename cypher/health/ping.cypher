// Readiness probe: proves a read transaction can run.
// Returns: ok (always 1).
RETURN 1 AS ok
