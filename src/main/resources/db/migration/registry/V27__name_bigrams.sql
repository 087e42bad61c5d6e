-- Two-character name searches (王婷): a trigram index cannot serve a pattern of two characters, so a search for a
-- two-character name read the whole register (0.7 s for its count at 1,000,000 model workers). The name's two-character
-- pieces, indexed with GIN, find the candidates; the LIKE that follows keeps the search's meaning.
create function registry.name_bigrams(name text) returns text[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(distinct substr(name, i, 2)), '{}')
      from generate_series(1, greatest(char_length(name) - 1, 0)) i
$$;

create index model_worker_name_bigrams on registry.model_worker using gin (registry.name_bigrams(name));
