// Claims a new entity's id before its changeset is written, so that of concurrent creates of one id
// exactly one wins: CREATE (not MERGE) fails on the entity_id uniqueness constraint when the id is
// taken, also when another transaction took it a moment ago (the constraint's index lock makes the
// loser wait for the winner to commit, then fail). The changeset then fills the claimed node in.
// Parameters: $id, $kind.
// Returns: id.
CREATE (n:Entity {id: $id, kind: $kind, createdAt: datetime()})
RETURN n.id AS id
