// Removes the test suite's scratch-database marker: only the test of the guard itself does this.
MATCH (marker:AttributionGraphTestDatabase)
DELETE marker
