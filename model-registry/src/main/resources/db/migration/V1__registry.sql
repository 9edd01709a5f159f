-- One table holds every registry entity; what differs between kinds lives in `props` (the typed
-- properties the API defines for the kind) and `custom_props` (user properties, stored in the API's
-- own shape: {"name": {"metadataType": "MetadataDoubleValue", "double_value": 0.93}}).
CREATE TABLE entity (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT    NOT NULL,            -- RegisteredModel, ModelVersion, model-artifact, metric, ...
    family       TEXT    NOT NULL,            -- names and external ids are unique within a family
    parent_id    BIGINT  REFERENCES entity (id),
    name         TEXT,
    external_id  TEXT,
    state        TEXT,
    create_time  BIGINT  NOT NULL,            -- milliseconds since the epoch
    update_time  BIGINT  NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 0,  -- optimistic locking
    props        JSONB   NOT NULL DEFAULT '{}',
    custom_props JSONB   NOT NULL DEFAULT '{}'
);

-- Metric history rows repeat their metric's name once per step: they are the one family without unique names.
CREATE UNIQUE INDEX entity_name_in_parent ON entity (family, COALESCE(parent_id, 0), name)
    WHERE name IS NOT NULL AND family <> 'metric-history';
CREATE UNIQUE INDEX entity_external_id ON entity (family, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX entity_by_kind ON entity (kind, id);
CREATE INDEX entity_by_kind_created ON entity (kind, create_time, id);
CREATE INDEX entity_by_kind_updated ON entity (kind, update_time, id);
CREATE INDEX entity_by_parent ON entity (parent_id, kind, id);
CREATE INDEX entity_custom_props ON entity USING GIN (custom_props jsonb_path_ops);
CREATE INDEX entity_props ON entity USING GIN (props jsonb_path_ops);

-- MLflow-style aliases on registered models: champion, staging, ...
CREATE TABLE model_alias (
    registered_model_id BIGINT NOT NULL REFERENCES entity (id),
    alias               TEXT   NOT NULL,
    model_version_id    BIGINT NOT NULL REFERENCES entity (id),
    update_time         BIGINT NOT NULL,
    PRIMARY KEY (registered_model_id, alias)
);
