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
CREATE INDEX IF NOT EXISTS "idx_app_user_team_id_47e93f" ON "app_user" ("team_id");
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
CREATE INDEX IF NOT EXISTS "idx_contact_custome_5ee430" ON "contact" ("customer_id");
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
CREATE INDEX IF NOT EXISTS "idx_site_custome_05857b" ON "site" ("customer_id");
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
    CONSTRAINT "uid_wechat_bind_appid_fc84be" UNIQUE ("appid", "openid"),
    CONSTRAINT "uid_wechat_bind_user_id_36b269" UNIQUE ("user_id", "appid")
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
    "request_key" VARCHAR(128) UNIQUE,
    "checked_entries" BIGINT NOT NULL,
    "ok" BOOL NOT NULL,
    "problems" JSONB NOT NULL,
    "finished_at" TIMESTAMPTZ NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "audit_verification"."request_key" IS 'The job that ran it, once.';
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
    "eJztXW1z4riy/isqvuycKnbuhLxMDnvqVgFhZthNYG5CZvaezRYRthK0MRJry8mwe/LfT8"
    "vG4Fdig02MR18SsNWyefTW/XSr9XdtynViWG8H5j1m1MKCclZror9rDE8JfIi9X0c1PJut"
    "7soLAo8NR4CHS44tYWJNwL07bFgELunE0kw6WzyL2YYhL3INClJ2v7pkM/qnTUaC3xMxIS"
    "bc+O13uEyZTr4Ry/s6exjdUWLogdemuny2c30k5jPn2vV17+yDU1I+bjzSuGFP2ar0bC4m"
    "nC2L2zbV30oZee+eMGJiQXTfz5BvufjV3iX3jeGCMG2yfFV9dUEnd9g2JBi1f93ZTJMYIO"
    "dJ8s/R/y5ezVdsNOoPhqOr7nA0qmXATuNM4k6ZkED9/ezWuwLEuVqTD+h8al2+OTz5hwMB"
    "t8S96dx04Ko9O4JYYFfUAX2FsmYSickIiyjaZ3BH0CmJRzwoGUJeX4i+9T5s0gLehVUTrL"
    "qfB64HXwGA1+AH6gNmzBdtv6YBhr2L7tWwdfFZPm5qWX8aDn6tYVfeaThX56Grb9z24jCy"
    "3GG3rAR97Q0/IfkV/XvQ74ZbdVlu+O+afCdsCz5i/GmEdV839a56qEHJVavbM33DVg9Kql"
    "YvS6t7GPmaffH2q1Z3/kfauzPBZnxbe+VDrQxo7WO7TvG3kUHYvZjA18a7d2sa9kvr0plS"
    "oVSotfqLWw333nMAX8uw77Pg65XPB9+X16udoXtylALck6NEbOWtILRyMhn9xVmm/hsQ2l"
    "0nrrUsiv/naoLZ/QTTotSBohE3uIaNTHCvJHaI9V+THzv93WB8cJIC44Pw/L7CWN56fpb6"
    "7t2DTxeTF8ZYe3jCpj4K3PF1f4KnVrQt2guxD79cEmOprofQX6j/Q6hiD6ftZ6+XeVfjFj"
    "bbIuaW8FxDFVWFB+4KMN+2RKjj1lJZkGxL8OnW/aizqKaqMFlUkC0huoIqqgoPqN+TkUUs"
    "CyrfEqYWVHXl1lRVtCh7pMKBYUusesuKqgrVjJhT6nSG0b2J2baT+edldR9lbVVF7YloEy"
    "xGY3hHqGtLzL46lbXduqqKGLZ1KkaEQVXbzvMtWVUXappXG6xHYtI7quUxjzmQffHVV1Xk"
    "uC3G/Nt2YA2cOi5gicT3aRSKBR+yVzjZM4NjfVvbxqmkSl1J2sy8wZOs6OCt8HidEBzjWv"
    "IAHTAy5PAn5WDtTOC9PpFU8O5LB5RYThvTELpTzGCc6YvqpLCfWYhxOHqMQ7KjUXglXnIw"
    "1lqIgTjid0hM4J/PQfmDhWQ18OaE/IRub2dYTG5vkUEtYTmFMdMI2GSm9QOiugVfdUThFn"
    "9ib2shnAp8TIwj9LeIo9UB8HflIFUO0r2YnvfUVaYcpN9jqysH6es7SB/gp8Xj22X21MG4"
    "B+8kl9II1p7sDn1LnnqSAe3aZfdjb9BvIpPcw5UbNuy2LppoWdOruJwCPBLoLVm6uFe+KN"
    "hfz0l98K6RxmkqiyXj69wMIuxX6kbZdLQY0TwVtnLYGxvpZ/4ObBImMgIbENoC0nJacBsg"
    "GvFCx/ffKMYfuEnoPfuFzCPTdQJLE6puPzttxEiGyyZ+WlplcUMXPgACRLgzbOuq0zrr1m"
    "L6cg4gp3Tul7P7vohtYPQGUL0Eje+y1xnWntNEUWgTauhQ1XZsWrWwDvTHKZmOdxVJsS/4"
    "ZKIaMzJnDlQxzJkHYTJzBndGtldKhecr9kmxT3vCQyj26Xts9TTsk5zPszJQfhkVRh6yzq"
    "NBzTq1Zgaej7LCHJarIOF3kIrwO1hD+B1ECT+TJ4WQv0z4ebJlxhoMkM+S65vdsItWv/Wx"
    "e9lErrZn3rCz3mW3MxzAJZ2aRBPclKUuf4GJpv9RljMfYBZm91Cye9770r38fyhJDPpIzP"
    "kN+9Drt/qdLrwnZRKfG9Y6u+j1mwjrU8rKQiZa1hMHLXiCrYysYkhwo0YumQkRItCPj9MQ"
    "6MfHyQS6vBcCfJJxC8xSoHoAHzZS4HvYSIRX3gqiS6aYGlnQXQpUD93GcZrFF0qt6b6R5X"
    "cC8+BIKp/xam08yAGhdRrt/kG+BmGpkIbQg5e0rYS4zJ+vBv0EyzsgFcaPagL9x4liKcyL"
    "trLCxzY1YMGz3srnvYYhLlEKGANeb31z0fo13JE754N2WMuXFbTDG+Uwu7dhxc/UKgEh1S"
    "i5NwqYRY9UIzCfPZKEKf1lDTRSyQ59z/KVdGzqGRuk9vN1vydVzj/gcVLhBJu0f9a6PGsi"
    "r0a41nXLWESWKYcqqbabFo8xtUYYBv1jDMxtDtYWZglLiF8uBPYYBItC22MedjsftQeD88"
    "B81O4NQxhfX7S7gL0DPRSirjOq1x9GVuwRZ2MOg26xYyQL6GHZHQK/vLK3yC+M8IxhAkEp"
    "FSegAlt2CK+MEcsIq0+k0M66SwpYxbSUJu5io5gWL9SxLBEtr9B3XwTWN24DgMLzUf/6/L"
    "wWt5blAGq1QjPCqAZX7wRg08QJmWTGzW13WFcL61dOlbGPKKlUECoVhEoFURrUVCoItfc8"
    "F4iKDAj1cmzFxIT60m8lh4VqvkIqKlRFhUYQV1Gh5YwPVFGh32Orp4kKVXuSiw1RFFRk8z"
    "suBXbodtyRx7EIfPdsz/fYtigDUzsj4rX29VWv3726aiKvBrn3u/Op3+u0zuUGcG3CqIaN"
    "aGBnbZOWyj+UU0UWqsjCnaBbSGThwrqPMz+SQQ4IVQ/o/LdPeMRvRjdlSKxYz+9++CqVX1"
    "25gksEcTGuYM3n4NkS5nzTqpfRJxyaJOPRTfZeFspKeuDH0ZK+hlnDS/pLFUlMJuVUrKPo"
    "Hf4E/chNt6i4TMVllm9y3lNWS3GZ32OrKy4zmxVcRH7FxV6veRaM/TKVYzTzN4Et+lemLu"
    "yVrxy0+ZNkgsaZCumYYk92hzC3s1LErSZq3bB2E7VvWKeJOhsRv2l432TaN0LoUJFpsvDK"
    "V6435z9RzPB8KrPWYU3jdlySv3XZESKiip1Mj7ggZtxhiS/jvRSsHtqFqBuMx54FNyTfRI"
    "I+5wlUYP5Yp5Z3fx0GNPLIjualVn4+6H/0ioe3OSuWeNuGyELCSzIoK64+GbVZULHu5WDd"
    "XVpze4yrtYElAq1v7G6xVUgdrRsPd8hmVmfG7jCI/MrdFR9x1XgYJrtpLK+Eih1X/hblb9"
    "kT5l35W77HVlf+ltcnQKAlzEWscFqIfSIVRPkwFcqHa1A+jKKsSOrCKFOpdgtbj5kkPhgc"
    "J7B4fqEQxndSag978RpczwbX7fMu+nzZ7fSueotUhctJ3rkpL62SUV12W+eR5HbsfgOc/V"
    "IK6DRAgxpix2SfSedDXAqXeWKuff14dXrURM6/G/ax8/O7RhM5/zbxJ56mmFFOEyeU00i+"
    "d6xT2xrFNEGPJfRyv0gIeLqX2QjgfeHfj42Do/dHp4cnR6dQxHnR5ZX3a0CPprJTQfcq6L"
    "4cM7Si//eA/ldB99UIuvfnfIohc0MpodacFOdLQ5WK260NGEEGv6esiTCUmVJjjvgdMskd"
    "jPcJEvyBMOsn+P7IH6AREBWyuIXEhCCdyIzZiNsCYYE4dK+3YbWkiPoV61yC+b+uWOfviH"
    "9MwzpPYTTyTFtyVxJlNsI25G/y37VPvs0oNNcGwyooWcFhtSfDKIbGj44jZyncaPYMSubQ"
    "zOUM96hUK8N6YMWZScmzZlSyehGs+e83UBRAoQyLPJo0I6w+EQWnYlRKwqh456zvJp5yX6"
    "H1jd2sNIp/CXQ4gJHLAURBzxIyeOnWNZRVVQj3QkMHfcmzYzinYGrtZMqJBsu9SDi1mHuo"
    "7Q8WWomiO24ijGS3QoIjmbdZMkDURF8JaEICLXZH/YQsgNEgsmSUa8q3akUzlWBRrCuaSd"
    "FMQZcHTEGZj6AOCOVDNr08xnZmLeUfKqSopk3msjINpVQkBCx1G0UJW4pk2ov29da58Txr"
    "PElYUO14VHTSDuFVdJKik3YMsaKTSkwnxS9quwO2nGvYyxFP4WU88+bnIvmn8FlkMSRUzH"
    "FlyUxU+Ki0lHwUWskhR47okijijLik0ZjM+ZIzMrkBdTxig+qIMovqBGEkFV30BH2BP8WQ"
    "UvnXnyYzqjfxrB6ukp8qvqqsC0WF+SrfAIy0+posVQGpCoZH5c9ZOZPm6M7kMRtS1g+voG"
    "QFh9eeDKdUnIbbWDYTcWespGnnpajirsrczpsERm0VELXRoN1V/tUitlqrQMPvYRwtTI7s"
    "HHBEUHHAigPeIbzeJJO540YEVcdV7Lpi18tNVSp2vRzs+mrVV+z6C7hGFKQEdj1+UVPwvg"
    "BvZBkvlfMiEHAc47kIByQnuy0CYdBpfRaB/dN1ZAnoOzrizJgjbCEqLHT1qfVj4/jkJ+lk"
    "0J3N03XpY2AgOjOwRvQ4V0Ve1arY2RLoKHXli1C+iMDq4wzrzMGzQSkVPfuiJ0JFz24ym5"
    "VpMKnoWdW+tUUenYxMSVBKkSXryRJfrqItjaFQjqT9BPdFoyjYu8qUwuor0SZYtAE/93dG"
    "LKJggfo6k+jJKToa+8rmekjBb/LZCwhnhMGn3+WZ0R6d5N78XVksymLZi8mjwhbLcpymNV"
    "aWAipmKoWlspj9MuC7kqggwAeNNCmSoVRy1q5GJE0y/FSeEWSfSPVy+xQCsvLFK49xueFU"
    "HmPlMd4XaLdI71OkidmydSpg1aTsEyi8tdhEyYES9fW5kqHsSJOFRxOv9Iuut+GEIANbAh"
    "mUPchMxpghf0/8wUJOlXVkcO2B6OhpQg2C4DWIY8w2nczGThHEyCMxZX6aByvqjCvyQco9"
    "V4IFoa6MXWXsBhYnOdxHFvkz2uZtep94popfandnqrwrqnndA1X+2WgcHr5vvDs8OT0+ev"
    "/++PTd8mSV6K11R6y0ex/lKSuBJo0eu+JgmNUvGhCqoDVcAN1QWivtVf3RORoVWRSztAbI"
    "gJEhhz87Mj/K0BRbGx+XsBZc9jrDkKq8vfrbZcKcJ6q+7t0Uai9ZFkx1QohJNG7qoGRiR7"
    "F6i25v5cR3e4s0DqqlhaSCOUdcapPIHbSgrzqb2tHMJI+U21BGPhPUVikZf1BIMY+JdQCF"
    "u7xcQJXHRynBe7JQV1cJzqz/7lz1LbJdX0X7zT7AKjuw9mQgpYpfgkWUZ2Xt/TJq29xzGM"
    "+MWTxWEso8TGEeWvb4D6IJF6UMMIflqrf9P/fjUDzIsvmlg1KVgzn/Hi112yjAP18N+vEA"
    "e+XDKyvVBPoPMqhVmFLjMxjGNjUEZdZb+djXsBkkPoFF1oP4zUXr1zD6nfNBOzx5ywraoa"
    "aQ9mFmii8gpObwFD0+K8IK3Erwp3ur4KmwjHIwo7sNIvhCTHpHtcTDb6KF6i9zqo/h8qmC"
    "CaA7QjtJB7/MCGraTH5cue7dSokZHyCQRVg5/Usw3dQV36n4zlBGCEDYEqMHEpMSYl2yu4"
    "BYLmHCRXjenGnqDz6GWQkLZGKGqKjHnxX/asHD2oTICCrHKUZJ3El0a+jnGGFFRW9MRfOH"
    "GPQ5NwhmCXrtQwziY5DYQ8jXoTcYnAcmtHYvhGX/+qLdha7vdHwoREUCxDOTw8+fxnTzZF"
    "7CL1MObkI+rzLcxB0FjXmy0dIfEq3g2r8na30ql4wy4JUBv+8G/CtvAhjYYsy/XRDLwo6G"
    "ErHdgwXq6+x27hQdTX1lU+TeWmqzU9sSjtH9Br7c3upgXWNxe/uPOnoyqRAEdF3mWOMWvC"
    "FgjZnlegS9ZFoajj/HNvdH3LAbJhVxaXuOsUUQtVwpbpsacUgD0xYTd8+ASQw8R4RBrwUT"
    "A2qBZwiOsPkneqJiAq8Brwc94/ZWPgQkbqBDC3lgAXQbQTWnpPwFVK8vw7OsJ0JmUPWPy3"
    "oxmyP4PWiBvvt7L4lOndAtZMBQT33aCQxdYTtt6yKkzjpRXEZZ5+EKcxlyXnA+R9o8mcjw"
    "yygnUAonkDv5ZoU4T5d9iZK3FcIHYfM+k3XslS+HZVwpr/1qYY929i6zpxHVPRivspTeYa"
    "zKYv9lxhaofe72z3r9j020kL9h3f7/XXevu2dNTxfTb9gZTNxNpHMGSteHVu9c3r3D1CD6"
    "RmzqSZrBE15QfGPnJBLw4qpfGdf8lVQF1/s9Wd/ThZSCyTGdiZgBmciP+0Uqsz2xcXD0/u"
    "j08ORoSYYvr6zjwKNkrDeyN8kVGhRVuSTLPHDkjL3JxLgSU+1b5vZ19gIT0+Qx2UVe2EG8"
    "lKpeqqfjVMeWHa85tuw4emxZaTj0kkFfQQq9nAjvO4N+PTN4fPqcxZ36Os7cXpXJNSerik"
    "VT/O1e2HMV5m8fANJNuRZPtswcbu3zp8Fw0ESzCRf8hn0Z9DrdJnrkdPF7Mqo3aajHZOIx"
    "GobGmSAs+/a3sFyZW6A0LLo1wY3jkywwrySKArhKZ6BY9K+YTpy8iX9RvEqhk7mRRE9UFz"
    "GbqhLBXJbfCM2SKd15gzkBi2USo9UkorkSUHBG4dRt07Vz4gJKEzENSSlgYyKhy0JzlG12"
    "zSeZg2vGZs9qHRRTsJaZPiopxAVltl70zBxgrnp26+AYLtfuVGJSbVKL25Lq3qmv3Ye6Kl"
    "Mabi5RB4idQWOW/kUTljcgKZeFP5mKk4kPM+Yd8olUkAxoHB+nsFahVKK56twLxXzBoMqA"
    "8KJ4BdE9SOWzO1jjszuI+uwWFFUU4eSgOp/I7uPqXkfPyi2CLqKR7XIxe/4vi9FksA=="
)
