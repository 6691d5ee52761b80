-- Ours, not Camunda's. At every completion the engine looks for the task's sub-tasks
-- (SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?), and its scripts index no such column: each reviewer's
-- decision read the whole task table, i.e. every waiting review, on the last night of a call. The
-- programme makes no sub-tasks: through this index each look finds none at once (README "Performance").
-- system.EngineIndexesOnH2 creates the same index on H2.
CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);
