// How many entities the graph holds; zero means a first start, when the seed is loaded.
// Returns: count.
MATCH (n:Entity)
RETURN count(n) AS count
