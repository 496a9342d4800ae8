-- The gazetteer: GeoNames places and every name they are known by, keyed for exact, variant
-- (transliteration skeleton) and trigram matching. The bulk loader builds fresh copies of these
-- tables and swaps them in; it takes the index definitions from the tables created here.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE place (
    geonameid     bigint           NOT NULL,
    name          text             NOT NULL,
    asciiname     text             NOT NULL,
    latitude      double precision NOT NULL,
    longitude     double precision NOT NULL,
    geom          geometry(Point, 4326) NOT NULL,
    feature_class text             NOT NULL,
    feature_code  text             NOT NULL,
    country       text             NOT NULL,
    admin1        text             NOT NULL,
    admin2        text             NOT NULL,
    population    bigint           NOT NULL,
    -- 0..1 from feature code (capital, oblast centre) and population; computed by the loader.
    importance    real             NOT NULL
);
CREATE UNIQUE INDEX place_geonameid_idx ON place (geonameid);
CREATE INDEX place_geom_idx ON place USING gist (geom);

CREATE TABLE place_name (
    geonameid  bigint  NOT NULL,
    name       text    NOT NULL,
    norm       text    NOT NULL,
    skel       text    NOT NULL,
    -- the place's own name or ASCII name rather than one of its alternate names
    preferred  boolean NOT NULL,
    importance real    NOT NULL
);
-- text_pattern_ops serves both equality and the prefix search of autocomplete.
CREATE INDEX place_name_norm_idx ON place_name (norm text_pattern_ops);
CREATE INDEX place_name_skel_idx ON place_name (skel);
CREATE INDEX place_name_trgm_idx ON place_name USING gin (norm gin_trgm_ops);

-- admin1 and admin2 code names ("UA.05" Donetsk, "UA.05.1412" Kramatorskyi Raion).
CREATE TABLE admin_code (
    code text NOT NULL,
    name text NOT NULL
);
CREATE UNIQUE INDEX admin_code_code_idx ON admin_code (code);
