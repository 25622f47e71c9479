-- OCPP transaction ids, unique across nodes. Each nextval reserves a block of 64 ids [value, value + 63]; the
-- allocator reads the block size from this increment. MAXVALUE keeps the last id of the last block within int32.
CREATE SEQUENCE transaction_id_seq AS bigint INCREMENT BY 64 MINVALUE 1 MAXVALUE 2147483584 START WITH 1 NO CYCLE;
