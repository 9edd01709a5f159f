-- Run claims: which runner executes a run (its ponte.pipelines.runner-id) and until when, unless it
-- renews. Claiming and releasing touch only these two columns, never the run's revision, so claims
-- do not race with the conditional updates of the run itself.

ALTER TABLE pipeline_run
    ADD COLUMN owner       text,
    ADD COLUMN lease_until timestamptz;
