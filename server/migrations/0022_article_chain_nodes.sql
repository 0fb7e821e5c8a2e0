-- Issue 13.1: an industry article names the city's chain nodes it is about (as well as GB/T 4754
-- codes), so the chain map and the article point at each other.
ALTER TABLE guide_articles ADD COLUMN chain_node_ids TEXT NOT NULL DEFAULT '';
