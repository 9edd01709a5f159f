-- pipeline-runner state: runs, their tasks (one row per expanded DAG node), attempts, cache entries.
-- Every write is small and its own transaction; runs and tasks carry a revision for conditional updates.

CREATE TABLE pipeline_run (
    id              text        PRIMARY KEY,
    display_name    text        NOT NULL,
    pipeline_name   text        NOT NULL,
    pipeline_spec   text        NOT NULL,
    parameters      jsonb       NOT NULL,
    pipeline_root   text        NOT NULL,
    caching_enabled boolean     NOT NULL,
    state           text        NOT NULL,
    error           text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    revision        bigint      NOT NULL
);

-- Listing is newest first with keyset paging on (created_at, id); the filtered lists use the same key.
CREATE INDEX pipeline_run_newest ON pipeline_run (created_at DESC, id DESC);
CREATE INDEX pipeline_run_state_newest ON pipeline_run (state, created_at DESC, id DESC);
CREATE INDEX pipeline_run_pipeline_newest ON pipeline_run (pipeline_name, created_at DESC, id DESC);
-- Resuming at start-up reads the few unfinished runs, never the whole history.
CREATE INDEX pipeline_run_unfinished ON pipeline_run (created_at)
    WHERE state NOT IN ('SUCCEEDED', 'FAILED', 'CANCELED');

CREATE TABLE pipeline_task (
    run_id            text        NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    task_path         text        NOT NULL,
    seq               bigint      GENERATED ALWAYS AS IDENTITY,
    task_name         text        NOT NULL,
    state             text        NOT NULL,
    attempts          integer     NOT NULL,
    input_parameters  jsonb       NOT NULL,
    output_parameters jsonb       NOT NULL,
    output_artifacts  jsonb       NOT NULL,
    cache_key         text,
    status_detail     text,
    executor          text,
    executor_ref      text,
    started_at        timestamptz,
    finished_at       timestamptz,
    error             text,
    revision          bigint      NOT NULL,
    PRIMARY KEY (run_id, task_path)
);

-- A run's tasks in creation order.
CREATE INDEX pipeline_task_order ON pipeline_task (run_id, seq);

CREATE TABLE pipeline_attempt (
    run_id       text        NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    task_path    text        NOT NULL,
    attempt      integer     NOT NULL,
    executor     text        NOT NULL,
    executor_ref text,
    state        text        NOT NULL,
    exit_code    integer,
    log_uri      text,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    error        text,
    PRIMARY KEY (run_id, task_path, attempt)
);

-- Cache entries outlive the runs that produced them.
CREATE TABLE pipeline_cache_entry (
    cache_key         text        PRIMARY KEY,
    key_description   text        NOT NULL,
    run_id            text        NOT NULL,
    task_path         text        NOT NULL,
    output_parameters jsonb       NOT NULL,
    output_artifacts  jsonb       NOT NULL,
    created_at        timestamptz NOT NULL
);
