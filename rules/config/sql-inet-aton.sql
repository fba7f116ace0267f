-- # ruleid: v6lint.config.sql-inet-aton
SELECT * FROM bans WHERE INET_ATON('10.0.0.1') BETWEEN lo AND hi;
-- # ok: v6lint.config.sql-inet-aton
SELECT * FROM bans WHERE INET6_ATON('10.0.0.1') BETWEEN lo AND hi;
