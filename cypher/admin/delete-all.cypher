// Deletes every node and relationship, in batches so that any size fits in memory.
// Used by the test suite on its scratch database and by `npm run seed -- --reset`; never by the API.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
