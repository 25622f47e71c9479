-- Open transactions (started, not stopped) are few next to the history: a partial index keeps the
-- csms.transactions.active gauge's count from scanning the whole table.
CREATE INDEX ix_transactions_open ON transactions (id) WHERE stop_time IS NULL AND start_time IS NOT NULL;
