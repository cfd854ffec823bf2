// Waits (up to 300 s) until every index is online, so queries right after start-up use them.
CALL db.awaitIndexes(300)
