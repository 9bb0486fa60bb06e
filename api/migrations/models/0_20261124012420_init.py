from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "organisation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(64) NOT NULL UNIQUE,
    "time_zone" VARCHAR(64) NOT NULL,
    "locale" VARCHAR(16) NOT NULL
);
CREATE TABLE IF NOT EXISTS "team" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "path" VARCHAR(1024) NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "parent_id" UUID REFERENCES "team" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_team_organis_c8c5c9" UNIQUE ("organisation_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_team_path_265a6e" ON "team" ("path");
COMMENT ON COLUMN "team"."kind" IS 'REGION: region\nTEAM: team';
COMMENT ON TABLE "team" IS 'A node of the organisation''s team tree; ``path`` lists the ancestors'' ids and its own.';
CREATE TABLE IF NOT EXISTS "app_user" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "password_hash" VARCHAR(255),
    "phone" VARCHAR(32),
    "email" VARCHAR(254),
    "hire_date" DATE,
    "industries" JSONB NOT NULL,
    "languages" JSONB NOT NULL,
    "service_level" VARCHAR(16) NOT NULL,
    "locale" VARCHAR(16) NOT NULL,
    "is_active" BOOL NOT NULL,
    "in_onboarding" BOOL NOT NULL,
    "manager_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "team_id" UUID REFERENCES "team" ("id") ON DELETE SET NULL
);
COMMENT ON COLUMN "app_user"."role" IS 'REP: rep\nMANAGER: manager\nDIRECTOR: director\nMARKETING: marketing\nDELIVERY: delivery\nFINANCE: finance\nADMIN: admin';
COMMENT ON COLUMN "app_user"."service_level" IS 'JUNIOR: junior\nSTANDARD: standard\nSENIOR: senior';
CREATE TABLE IF NOT EXISTS "customer" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "industry" VARCHAR(64) NOT NULL,
    "size" VARCHAR(32) NOT NULL,
    "tier" VARCHAR(1) NOT NULL,
    "city" VARCHAR(64) NOT NULL,
    "payment_account" VARCHAR(64),
    "payment_terms" VARCHAR(200),
    "notes" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "owner_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_customer_organis_02fb80" ON "customer" ("organisation_id", "name");
CREATE INDEX IF NOT EXISTS "idx_customer_organis_a43dcd" ON "customer" ("organisation_id", "owner_id");
COMMENT ON COLUMN "customer"."tier" IS 'A: A\nB: B\nC: C';
CREATE TABLE IF NOT EXISTS "contact" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "phone" VARCHAR(32),
    "email" VARCHAR(254),
    "wechat_id" VARCHAR(64),
    "customer_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "contact"."kind" IS 'BUSINESS: business\nTECHNICAL: technical\nFINANCE: finance';
CREATE TABLE IF NOT EXISTS "site" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "city" VARCHAR(64) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "datum" VARCHAR(8) NOT NULL,
    "radius_m" INT NOT NULL,
    "customer_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "site"."datum" IS 'WGS84: WGS84\nGCJ02: GCJ02';
CREATE TABLE IF NOT EXISTS "auth_session" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(32),
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "auth_session" IS 'One login: a family of refresh tokens; revoking it logs the device out at once.';
CREATE TABLE IF NOT EXISTS "invitation" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "code_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "created_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "invitation" IS 'An admin''s invitation for a user to bind their WeChat account; single use.';
CREATE TABLE IF NOT EXISTS "permission_grant" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "permission" VARCHAR(64) NOT NULL,
    "valid_from" TIMESTAMPTZ NOT NULL,
    "valid_until" TIMESTAMPTZ,
    "reason" VARCHAR(300) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "granted_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "revoked_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_permission__user_id_84282c" ON "permission_grant" ("user_id", "permission");
COMMENT ON TABLE "permission_grant" IS 'A permission granted to one user beyond their role, valid inside a time window.';
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "session_id" UUID NOT NULL REFERENCES "auth_session" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "refresh_token" IS 'A refresh token, stored only as its SHA-256; used once, then replaced.';
CREATE TABLE IF NOT EXISTS "wechat_binding" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "appid" VARCHAR(64) NOT NULL,
    "openid" VARCHAR(128) NOT NULL,
    "unionid" VARCHAR(128),
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_wechat_bind_appid_fc84be" UNIQUE ("appid", "openid")
);
CREATE TABLE IF NOT EXISTS "audit_chain_head" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" VARCHAR(64) NOT NULL,
    "organisation_id" UUID NOT NULL UNIQUE REFERENCES "organisation" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "audit_chain_head" IS 'The last link of an organisation''s chain, locked while appending: the chain never forks.';
CREATE TABLE IF NOT EXISTS "audit_entry" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "subject_type" VARCHAR(32) NOT NULL,
    "subject_id" VARCHAR(64) NOT NULL,
    "data" JSONB NOT NULL,
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_audit_entry_organis_e5e8ad" UNIQUE ("organisation_id", "seq")
);
COMMENT ON TABLE "audit_entry" IS 'One recorded action. ``hash`` covers every other column and the previous entry''s hash.';
CREATE TABLE IF NOT EXISTS "audit_verification" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "checked_entries" BIGINT NOT NULL,
    "ok" BOOL NOT NULL,
    "problems" JSONB NOT NULL,
    "finished_at" TIMESTAMPTZ NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "audit_verification" IS 'The result of one run of the chain verifier.';
CREATE TABLE IF NOT EXISTS "outbox_message" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "job_name" VARCHAR(64) NOT NULL,
    "job_id" VARCHAR(128) NOT NULL UNIQUE,
    "args" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "due_at" TIMESTAMPTZ NOT NULL,
    "attempts" INT NOT NULL,
    "enqueued_at" TIMESTAMPTZ,
    "done_at" TIMESTAMPTZ,
    "last_error" VARCHAR(500),
    "organisation_id" UUID REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_outbox_mess_status_31f207" ON "outbox_message" ("status", "due_at");
COMMENT ON COLUMN "outbox_message"."status" IS 'PENDING: pending\nENQUEUED: enqueued\nDONE: done\nFAILED: failed';
COMMENT ON TABLE "outbox_message" IS 'A job that must run (at ``due_at``), written in the same transaction as its cause.';
CREATE TABLE IF NOT EXISTS "upload" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "width" INT,
    "height" INT,
    "duration_ms" INT,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "uploader_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_upload_sha256_0eca9e" ON "upload" ("sha256");
COMMENT ON COLUMN "upload"."kind" IS 'PHOTO: photo\nVOICE: voice';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1z4riy/isqvuycKnbuhLxMDnvqVgFhZthNYC4hM3vPZosIWwFtjMTacjLsnvz307"
    "Ix+JXYYIjx6EsCtlo2j966n261/q5MuU4M623PHGNGLSwoZ5U6+rvC8JTAh9j7VVTBs9nq"
    "rrwg8MhwBHi45MgSJtYE3LvHhkXgkk4szaSzxbOYbRjyItegIGXj1SWb0T9tMhR8TMSEmH"
    "Djt9/hMmU6+UYs7+vsYXhPiaEHXpvq8tnO9aGYz5xrNzediw9OSfm40VDjhj1lq9KzuZhw"
    "tixu21R/K2XkvTFhxMSC6L6fId9y8au9S+4bwwVh2mT5qvrqgk7usW1IMCr/ureZJjFAzp"
    "Pkn5P/Xbyar9hw2O0NhtftwXBYyYCdxpnEnTIhgfr72a13BYhztSIf0PrU6L85PvuHAwG3"
    "xNh0bjpwVZ4dQSywK+qAvkJZM4nEZIhFFO0LuCPolMQjHpQMIa8vRN96HzZpAe/CqglW3c"
    "8D14NvB4BX4AfqPWbMF22/pgEGnav29aBx9Vk+bmpZfxoOfo1BW96pOVfnoatv3PbiMLLc"
    "YbesBH3tDD4h+RX9u9dth1t1WW7w74p8J2wLPmT8aYh1Xzf1rnqoQclVq9szfcNWD0qqVi"
    "9Kq3sY+Zp98farVnf+R9q7NcFmfFt75UOtDGgdYrtO8behQdhYTOBr7d27NQ37pdF3plQo"
    "FWqt7uJWzb33HMDXMuxxFny98vng+/J6tTd0z05SgHt2koitvBWEVk4mw784y9R/A0L768"
    "SVhkXx/1xPMBtPMN2VOrBrxA2uYSMT3CuJPWL91+THVnc/GB+dpcD4KDy/rzCWt56fpb57"
    "/+DTxeSFEdYenrCpDwN3fN2f4KkVbYvmQuzDL31iLNX1EPoL9X8AVRzgtP3s9TLvatzCZl"
    "vE3BKeG6iirPDAXQHm25YItdxaSguSbQk+3boftRbVlBUmiwqyJUTXUEVZ4QH1ezK0iGVB"
    "5VvC1ICqrt2ayooWZY9UODBsiVVnWVFZoZoRc0qdzjAcm5htO5l/Xlb3UdZWVtSeiDbBYj"
    "iCd4S6tsTsq1NZ062rrIhhW6diSBhUte0835BVtaGmebnBeiQmvadaHvOYA9kXX31lRY7b"
    "YsS/bQdWz6njCpZIPE6jUCz4kIPCyZ4ZHOvb2jZOJWXqStJm5jWeZEUHb4XH64TgGNeSB2"
    "iPkQGHPykHa2sC7/WJpIL3UDqgxHJam4bQnWIG40xfVCeF/cxCjMPRYxySHY3CK/GSg7HS"
    "QAzEEb9HYgL/fA7KHywkq4E3J+QndHc3w2Jyd4cMagnLKYyZRsAmM60fENUt+KojCrf4E3"
    "tbCeG0w8fEOEJ/izhaHQB/Vw5S5SA9iOn5QF1lykH6Pba6cpC+voP0AX5aPL5tZk8djDvw"
    "TnIpjWDtye7Rt+SpJxnQrvTbHzu9bh2ZZAxXbtmg3biqo2VNr+JyCvBIoLdk6eJe+V3B/n"
    "pO6qN3tTROU1ksGV/nZhBhv1I3zKajxYjmqbAVw97YSD/zd2CTMJER2IDQFpAW04LbANGI"
    "Fzq+/0Yx/sBNQsfsFzKPTNcJLE2ousPstBEjGS6b+GlplcUNXfgACBDhzrCN61bjol2J6c"
    "s5gJzSuV/M7vsitoHRG0C1Dxpfv9MaVJ7TRFFoE2roUNV2bFq5sA70xymZjvYVSXEo+GSi"
    "GjMyZw5UMcyZB2EycwZ3hrZXSoXnK/ZJsU8HwkMo9ul7bPU07JOcz7MyUH4ZFUYess6jQc"
    "06tWYGng+zwhyWKyHhd5SK8DtaQ/gdRQk/kyeFkL9M+HmyRcYaDJDPkuub3bKrRrfxsd2v"
    "I1fbM2/ZRaffbg16cEmnJtEEN2Wp/i8w0XQ/ynLmA8zCbAwl25edL+3+/0NJYtBHYs5v2Y"
    "dOt9FtteE9KZP43LLGxVWnW0dYn1JWFDLRsp44aMETbGVkFUOCGzVywUyIEIF+epqGQD89"
    "TSbQ5b0Q4JOMW2CWAuUD+LiWAt/jWiK88lYQXTLF1MiC7lKgfOjWTtMsvlBqTfeNLL8TmA"
    "eHUvmMV2vjQQ4IrdNoDw/yNQhLhTSEHrykbSXEZf583esmWN4BqTB+VBPoP04Uy868aCsr"
    "fGRTAxY866183msY4hKlgDHg9dY3V41fwx25ddlrhrV8WUEzvFEOs7ENK36mVgkIqUbJvV"
    "HALHqkGoH57JEkTOkva6CRSvboe5avpGNTz9gglZ9vuh2pcv4Bj5MKJ9ik3YtG/6KOvBrh"
    "WtstYxFZphiqpNpuunuMqTXEMOgfY2BucrC2MEtYQvxyIbBHILgrtD3mYb/zUbPXuwzMR8"
    "3OIITxzVWzDdg70EMh6jqjOt1BZMUecjbiMOgWO0aygB6W3SPwyysHi/zCCM8YJhCUUnEC"
    "KrBlj/DKGLGMsPpEVGdVQS3FCGrxYh1VSMsaZH0jN4AoPB91by4vK3GrWQ6olis4I4xqcP"
    "1OADZNpJBJZtzcdo91ubB+5WQZh4iSSgahkkGoZBCFQU0lg1C7z3OBaJchoV6WrZioUF8C"
    "ruTAUM1XSMWFqrjQCOIqLrSYEYIqLvR7bPU0caFqV/JugxQFFdk8j0uBPToe9+Rz3AW+B7"
    "bre2RblIGpnRHxSvPmutNtX1/XkVeD3P3d+tTttBqXcgu4NmFUw0Y0tLOySUvlH8ypYgtV"
    "bOFe0N1JbOHCuo8zP5JBDgiVD+j8N1B4xG9GR2VITPl+lWtdOYOLBfFunMGaz8OzJcwlzK"
    "wehjg0TcbDm+y/3Ckv6aEfR0z6WmYNM+kvtUtqMimvYhVF7/An6EhuykXFZio2s3hTx4Hy"
    "WorN/B5bXbGZ2ezgXeRYXOz3mmfB2C9TOk4zfyPYon9l6sJe+dJBmz9NJmicrZCOK/Zk9w"
    "hzMytJ3Kijxi1r1lHzlrXqqLUR9ZuG+U0mfiOUDhWZJguvfOl6c/4TxQzPpzJzHdY0bscl"
    "+luXISEiqvjJ9IgLYsYdmPgy3kvB8qG9E3WD8djz4Abkm0jQ5zyBEswf69Ty9q+DgEYe2d"
    "W81Move92PXvHwVmdFE2/bEFlYeEkGZcXVJ6P2YCnavRi0u0trbo9xubawRKD1jd0tNgup"
    "43Xj4Q7ZzOrc2D2GkV+7O+MjrhoPw2Q3jeWVUNHjyt+i/C0Hwrwrf8v32OrK3/L6BAi0hL"
    "mIFk4LsU+khCgfp0L5eA3Kx1GUFUm9M8pUqt3C1mMmiQ8Gxwksnl8ohPG9lDrAXrwG14ve"
    "TfOyjT73263OdWeRrnA5yTs35aVVQqp+u3EZSXDHxhvg7JdSQKcBGtQQOyYBTTof4lK4yB"
    "Nz5evH6/OTOnL+3bKPrZ/f1erI+beJP/E8xYxynjihnEdyvmOd2tYwpgk6LKGX+0VCwNOD"
    "zEcA7wv/fqwdnbw/OT8+OzmHIs6LLq+8XwN6NJ2dCrtXYfeHAa/i/4vA/6uw+ywQFzjs3p"
    "/3KYbODaWFWnNenC8VVSp2t9JjBBl8TFkdYSgzpcYc8XtkknsY8BMk+ANh1k/w/ZE/QCMg"
    "KmRxC4kJQTqRebMRtwXCAnHoX2/Disku6le8cwEWgKrinb8jBjIN7zyF0cgzbctdSRTZDN"
    "uQwcl/5z75NqPQXBsMq6BkCYfVgQyjGCI/Oo6cpXCj2TMomUMzFzPgo1StDOuBFWcnJc+a"
    "UcnyxbDmv+NAcQA7pVjkAaUZYfWJKDgVpVIQSsU7bX0/EZWHCq1v7GalUfxLoMMBDF0OIA"
    "p6lqDBvlvXQFZVItx3GjzoS6AdwzkF02snU040WO5FwqnB3KNtf7DQShTdcxNhJLsVEhzJ"
    "3M2SAaIm+kpAExJosT/qJ2QBjAaRJaNcU75VK5qpAItiVdFMimYK+jxgCsp8EHVAKB+y6e"
    "UxtjdrKf9gIUU1bTKXFWkopSIhYKnbKE7YUiTTQbSvt86N5lkjSsKCas+jopP2CK+ikxSd"
    "tGeIFZ1UYDopflHbH7DFXMNejngKL+OZtz/vkn8Kn0cWQ0LFHFmWzESFj0tLyUehlRxy5I"
    "guiSLOiEsajcicLzkjkxtQxyM2qI4os6hOEEZS0UVP0Bf4UwwplX/9aXKjehPP6uEq/ani"
    "q4q6UJSYr/INwEirr8lTFZAqYXhU/pyVM2kO700esyVl/fAKSpZweB3IcErFabiNZTMRd8"
    "5KmnZeiiruqsjtvElg1FYBURsN2n1lYN3FZmsVaPg9jKOFyZGdA44IKg5YccB7hNebZDJ3"
    "3Iig6riKXVfserGpSsWuF4NdX636il1/AdeIgpTArscvagreF+CNLOOFcl4EAo5jPBfhgO"
    "Rkt0UgDDqtzyKwf7qKLAF9R0ecGXOELUSFha4/NX6snZ79JJ0MurN5uip9DAxEZwbWiB7n"
    "qsirWhU7WwAdpap8EcoXEVh9nGGdOXg2KKWiZ1/0RKjo2U1msyINJhU9q9q3ssijk5EpCU"
    "opsmQ9WeLLVbSlMRTKkXSY4L5oFAV7V5FSWH0l2gSLJuDn/s6IRRQsUF1nEj05RYcjX9lc"
    "jyn4TT57AeGMMPj0uzJPlHlyEDNFic2T5aBMa5ksBVSAVAqzZDHVZcB3JVFCgI9qaTIiQ6"
    "nkFF21SFZk+Kk8I8g+kfIl8tkJyMrxrtzDxYZTuYeVe/hQoN0il88u7cmGrVMBqyZln0Dh"
    "rcRmRQ6UqK5PjAxlh5osPJx4pV/0sw0mBBnYEsig7EGmLcYM+XviDxZyqqwig2sPREdPE2"
    "oQBK9BHMu17qQxdoogRh6JKZPRPFhRz9suH6R8cQVYEKrK2FXGbmBxksN9aJE/o23epOPE"
    "I1T8Uvs7QuXdrprXPT/ln7Xa8fH72rvjs/PTk/fvT8/fLQ9Sid5ad6JKs/NRHqoSaNLoKS"
    "sOhlmdoAGhElrDO6AbCmulvarzOUejIotiltYA6TEy4PBnT+ZHEZpia+OjD2tBv9MahFTl"
    "7dXfNhPmPFH1de+mUHvJsmCq40BMonFTByUTO4rVW3R3Jye+uzukcVAtLSQVzDniUptE7q"
    "AFfdXZwY5mJnmk3IYy8pmgtkrJ+FNBdvOYWG9PuMvLBVR5fJQSfCALdXmV4Mz6795V3122"
    "66tov9kHWGkH1oEMpFTBSrCI8qysvV9G7ZF7DuOZMWXHSkKZhynMQ8se/UE04aKUAeawXP"
    "n2+ud+9okHWTa/dFCqdDDn36OlbhsF+OfrXjceYK98eGWlmkD/QQa1dqbU+AyGkU0NQZn1"
    "Vj72NWwGiU9gkfUgfnPV+DWMfuuy1wxP3rKCZqgppH2YmeILCKk5PEWPz4qwArcU/OnBKn"
    "gqLKMYzOh+gwi+EJPeUy3xpJtooerLnOpjuHyqYALojtBO0sEv03+aNpMfV657t1JixgcI"
    "ZBFWTv8CTDdVxXcqvjOwpmsTIsN3HI8MJXFnnq3hPmOEFQ+6MQ/KH2LQ59wgmCUoVQ8xiI"
    "9A4gAhX4der3cZGE3NTgjL7s1Vs91/c+QMIyhERQLEM5PDz5/GdPNko9gvUwzDWD6vNIbx"
    "PQV1bbLRuhMSLeHCcyALTSp/gLIelfV46NbjK0eg92wx4t+uiGVhR0OJGI7BAtV1RiN3ig"
    "6nvrIpsjz9wUdg4GGBprYlHIvvDXy5u9PBtMPi7u4fVfRkUiEIQ2AASlPQgjcErDGzXHeU"
    "l7ZJw/Enpub+iFt2y6SxKg2fEbYIopYrxW1TI47Fatpi4gasm8TAc0QY9FqbyFrgGYIjbP"
    "6JnqiYwGvA60HPuLuTDwGJW+jQQqbGh24jqOaUlL+A6tVlbJD1RMgMqv5xWS9mcwS/By3Q"
    "d39vn+jUiRtCBgz11OdqwNAVttO2LkLqVA1lSBd1Hi6xIS3nBedzpM2TvQ9+GeWBSOGBcC"
    "ffrBDn6S8uUJqwnexkxuY4k3XslS+GZVwql/FqYY929jazpxHVPRgssZTeY6DEYvNfxhao"
    "fG53Lzrdj3W0kL9l7e7/3bRv2hd1TxfTb9kFTNx1pHMGSteHRudS3r3H1CB6WItMNXrO0g"
    "ye8ILiGztnkWgLV/3KuOavpEq43h/I+p4unhFMjulMxAzIRH7cL1KavXG1o5P3J+fHZydL"
    "Mnx5ZR0HHiVjvZG9SVbKoKjKWljkgSNn7E0mxpWYat8it6+zEZWYJo9JbfHC9tWlVPnyDJ"
    "2mOiDrdM0BWafRA7IKw6EXDPoSUujFRPjQGfSbmcHjc7cs7lTXceb2qkyu2T9VIJTibw/C"
    "nisxf/sAkG7KtXiyReZwK58/9Qa9OppNuOC37Euv02rX0SOni9+TUb1JQz0mE48R2hGeJQ"
    "jLvvcqLFfkFigMi25NcO30LAvMK4ldAVym0zYs+ldMJ07eQb4oXqbQydxIoieqi5gdPYlg"
    "LstvhGbBlO68wZyAxTKJ0WoS0VwJKDijcOq26do5cQGliZiGpBSwMZHQRaE5ija75pNJwD"
    "Vjs6dUDoopWItMHxUU4h2lVV70zBxgLntq5eAYLtbWSGJSbVKJ2w/p3qmu3QS5KlMYbi5R"
    "B4idQWOW/kUTFjcgKZeFP5mKk1n3Mia98YmUkAyonZ6msFahVKK56twLxXzBoMqA8KJ4Cd"
    "E9SuWzO1rjszuK+uwWFFUU4eSgOp/I/uPqXkfPyi2CLqKR7XMxe/4vy9rlPw=="
)
