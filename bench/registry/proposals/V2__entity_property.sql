-- PROPOSED model-registry migration (model-registry/src/main/resources/db/migration/V2__entity_property.sql).
-- Not applied by the benchmark; bench/registry/RESULTS.md ("Findings") measures it against the current schema.
--
-- Why: a filtered list page is `... WHERE <filter on custom_props> ORDER BY e.id LIMIT 21`. The only index that
-- returns rows in id order is the primary key, so PostgreSQL walks it and tests every row until 21 match. That is
-- cheap while matches are spread evenly over the ids, and linear in the table when they are not: a property that only
-- recent versions carry, or a rare combination, walks (nearly) the whole table. The GIN index on custom_props cannot
-- help because it returns matches in no particular order (bitmap + sort of every match is worse for common values).
--
-- What: one row per (entity, custom property) with the typed value, kept in step with entity.custom_props by a
-- trigger (so PostgresEntityStore's INSERT/UPDATE stay as they are), and b-tree indexes that end in entity_id. An
-- equality on a custom property then reads its matches *in id order* from (name, value, entity_id) and joins the
-- entity by primary key: the page costs O(page size), wherever the matches sit.
CREATE TABLE entity_property (
    entity_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    name         TEXT   NOT NULL,
    string_value TEXT,
    int_value    BIGINT,
    double_value DOUBLE PRECISION,
    bool_value   BOOLEAN,
    PRIMARY KEY (entity_id, name)
);
-- Partial: a property has one typed value, so each index holds only the rows of its type (a third of the size of
-- full indexes on the benchmark's data). `p.string_value = ?` implies `string_value IS NOT NULL`, so the planner
-- uses them for every comparison the filter language makes.
CREATE INDEX entity_property_string ON entity_property (name, string_value, entity_id) WHERE string_value IS NOT NULL;
CREATE INDEX entity_property_int ON entity_property (name, int_value, entity_id) WHERE int_value IS NOT NULL;
CREATE INDEX entity_property_double ON entity_property (name, double_value, entity_id) WHERE double_value IS NOT NULL;
CREATE INDEX entity_property_bool ON entity_property (name, bool_value, entity_id) WHERE bool_value IS NOT NULL;

CREATE FUNCTION entity_property_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.custom_props IS NOT DISTINCT FROM OLD.custom_props THEN
            RETURN NULL;
        END IF;
        DELETE FROM entity_property WHERE entity_id = NEW.id;
    END IF;
    -- int_value is stored as a decimal string ("42"), as CustomProperties normalises it.
    INSERT INTO entity_property (entity_id, name, string_value, int_value, double_value, bool_value)
    SELECT NEW.id, p.key, p.value ->> 'string_value', (p.value ->> 'int_value')::bigint,
           (p.value ->> 'double_value')::double precision, (p.value ->> 'bool_value')::boolean
    FROM jsonb_each(NEW.custom_props) AS p;
    RETURN NULL;
END
$$;

CREATE TRIGGER entity_property_sync AFTER INSERT OR UPDATE OF custom_props ON entity
    FOR EACH ROW EXECUTE FUNCTION entity_property_sync();

-- Existing rows.
INSERT INTO entity_property (entity_id, name, string_value, int_value, double_value, bool_value)
SELECT e.id, p.key, p.value ->> 'string_value', (p.value ->> 'int_value')::bigint,
       (p.value ->> 'double_value')::double precision, (p.value ->> 'bool_value')::boolean
FROM entity e, jsonb_each(e.custom_props) AS p;

-- The GIN index on custom_props (entity_custom_props) is then no longer needed by SqlFilter; drop it in a later
-- migration once the new translation has shipped:
--   DROP INDEX entity_custom_props;
