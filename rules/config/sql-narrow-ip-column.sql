CREATE TABLE sessions (
    id INT PRIMARY KEY,
    -- # ruleid: v6lint.config.sql-narrow-ip-column
    ip_address VARCHAR(15) NOT NULL,
    -- # ruleid: v6lint.config.sql-narrow-ip-column
    `remote_addr` int(10) unsigned DEFAULT NULL,
    -- # ok: v6lint.config.sql-narrow-ip-column
    client_ip VARCHAR(45),
    -- # ok: v6lint.config.sql-narrow-ip-column
    zip VARCHAR(15),
    -- # ok: v6lint.config.sql-narrow-ip-column
    ip_bin VARBINARY(16)
);
