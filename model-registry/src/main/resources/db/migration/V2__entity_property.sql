-- Custom properties, one row each with a typed value, so that a filter on a custom property reads its matches in id
-- order from a b-tree instead of walking the primary key of entity and testing every row's custom_props
-- (docs/adr/0002; bench/registry/RESULTS.md, "Problem 1"). entity.custom_props stays the source of truth: a trigger
-- keeps this table in step with it, and the store writes only custom_props.
--
-- The columns hold what the filter translator used to read from custom_props at query time, cast once here:
--   string_value  custom_props -> name ->> 'string_value'
--   int_value     (... ->> 'int_value')::bigint       (the API stores ints as decimal strings: "42")
--   double_value  (... ->> 'double_value')::float8
--   bool_value    (... ->> 'bool_value')::boolean
--   number_value  COALESCE((... ->> 'int_value')::numeric, (... ->> 'double_value')::numeric): what a number written
--                 without an accessor compares with, exactly, as the JSON wrote it (no float8 rounding)
-- A field that is absent or does not cast is NULL and matches no comparison; it never fails a write or a query.

-- Entities written while the table is filled would miss both the back-fill and the trigger; held until commit.
LOCK TABLE entity IN SHARE ROW EXCLUSIVE MODE;

-- The primary key, added after the back-fill, lists a property's rows in id order with their number: a filtered page
-- ordered by id walks it for a comparison no value index answers in id order (a range, LIKE, !=) and stops at the
-- page's end, and a conjunction probes it per candidate entity. No foreign key: the trigger is the only writer and
-- removes a deleted entity's rows itself. A property name must fit in a b-tree entry (2,704 bytes, less the number):
-- a longer one fails the write, as it would this migration.
CREATE TABLE entity_property (
    name         TEXT   NOT NULL,
    entity_id    BIGINT NOT NULL,
    string_value TEXT,
    int_value    BIGINT,
    double_value DOUBLE PRECISION,
    bool_value   BOOLEAN,
    number_value NUMERIC
);

-- The typed values of one custom property, {"metadataType": ..., "<type>_value": ...}.
CREATE FUNCTION entity_property_values(
    v JSONB,
    OUT string_value TEXT,
    OUT int_value BIGINT,
    OUT double_value DOUBLE PRECISION,
    OUT bool_value BOOLEAN,
    OUT number_value NUMERIC)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    int_number NUMERIC;
    double_number NUMERIC;
BEGIN
    string_value := v ->> 'string_value';
    BEGIN
        int_value := (v ->> 'int_value')::bigint;
    EXCEPTION WHEN data_exception THEN
    END;
    BEGIN
        double_value := (v ->> 'double_value')::double precision;
    EXCEPTION WHEN data_exception THEN
    END;
    BEGIN
        bool_value := (v ->> 'bool_value')::boolean;
    EXCEPTION WHEN data_exception THEN
    END;
    BEGIN
        int_number := (v ->> 'int_value')::numeric;
    EXCEPTION WHEN data_exception THEN
    END;
    BEGIN
        double_number := (v ->> 'double_value')::numeric;
    EXCEPTION WHEN data_exception THEN
    END;
    number_value := COALESCE(int_number, double_number);
    IF pg_column_size(number_value) > 256 THEN
        number_value := NULL; -- hundreds of digits (no int or double has them): kept out of the primary key's entries
    END IF;
END
$$;

-- The rows of one entity's custom properties; none when custom_props is not a JSON object.
CREATE FUNCTION entity_property_rows(entity_id BIGINT, custom_props JSONB)
RETURNS SETOF entity_property LANGUAGE sql IMMUTABLE AS $$
    SELECT p.key, entity_property_rows.entity_id, v.string_value, v.int_value, v.double_value, v.bool_value,
           v.number_value
    FROM jsonb_each(CASE WHEN jsonb_typeof(custom_props) = 'object' THEN custom_props END) AS p,
         entity_property_values(p.value) AS v
$$;

-- An UPDATE replaces all rows of the entity, so a property the update removed goes too.
CREATE FUNCTION entity_property_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.custom_props IS NOT DISTINCT FROM OLD.custom_props THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND jsonb_typeof(OLD.custom_props) = 'object' THEN
        DELETE FROM entity_property
        WHERE name IN (SELECT jsonb_object_keys(OLD.custom_props)) AND entity_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO entity_property SELECT * FROM entity_property_rows(NEW.id, NEW.custom_props);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER entity_property_sync AFTER INSERT OR UPDATE OF custom_props OR DELETE ON entity
    FOR EACH ROW EXECUTE FUNCTION entity_property_sync();

INSERT INTO entity_property SELECT r.* FROM entity e, entity_property_rows(e.id, e.custom_props) AS r;
ALTER TABLE entity_property ADD PRIMARY KEY (name, entity_id) INCLUDE (number_value);

-- Value indexes, each ending in entity_id so that an equality reads its matches in id order, as a page ordered by id
-- wants them. Partial: a property has one typed value, so each holds only the rows of its type; `p.int_value = ?`
-- implies `int_value IS NOT NULL`, so the planner can use them for every comparison. A b-tree entry must stay under
-- 2704 bytes, so strings are indexed only when short; SqlFilter repeats the predicate for an equality with a short
-- value (CustomPropertySql.INDEXED_STRING), and longer ones are read through the primary key.
CREATE INDEX entity_property_string ON entity_property (name, string_value, entity_id)
    WHERE octet_length(name) + octet_length(string_value) <= 2000;
CREATE INDEX entity_property_int ON entity_property (name, int_value, entity_id) WHERE int_value IS NOT NULL;
CREATE INDEX entity_property_double ON entity_property (name, double_value, entity_id)
    WHERE double_value IS NOT NULL;
CREATE INDEX entity_property_bool ON entity_property (name, bool_value, entity_id) WHERE bool_value IS NOT NULL;
CREATE INDEX entity_property_number ON entity_property (name, number_value, entity_id)
    WHERE number_value IS NOT NULL;

ANALYZE entity_property;
