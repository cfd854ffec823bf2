// One Alias node per name key; entities point at it with KNOWN_AS, so a name two actors share is visible.
CREATE CONSTRAINT alias_name_key IF NOT EXISTS
FOR (a:Alias)
REQUIRE a.nameKey IS UNIQUE
