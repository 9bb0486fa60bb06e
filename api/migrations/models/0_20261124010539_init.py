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
COMMENT ON TABLE "audit_chain_head" IS 'The last link of an organisation''s chain; locked while appending, so the chain never forks.';
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
    "eJztXW1z2kgS/itTfEm2iuRi/BIfuboqwMQha0MO42Tv1lt4kMYwazHDSiM77K7/+/VICP"
    "SKJd4slPligzQ9Es+8dT/d0/NXacx1YlhvO+YQM2phQTkrVdFfJYbHBD7E3i+jEp5MFnfl"
    "BYEHhiPAwyUHljCxJuDeHTYsApd0YmkmncyexWzDkBe5BgUpGy4u2Yz+YZO+4EMiRsSEG7"
    "/+Bpcp08l3YnlfJ/f9O0oMPfDaVJfPdq73xXTiXLu+bp19dErKxw36GjfsMVuUnkzFiLN5"
    "cdum+lspI+8NCSMmFkT3/Qz5lrNf7V1y3xguCNMm81fVFxd0codtQ4JR+tedzTSJAXKeJP"
    "8c/Xv2ar5i/X670+tfNXv9fikDdhpnEnfKhATqrye33gUgztWSfEDjU637+vDkJwcCbomh"
    "6dx04Co9OYJYYFfUAX2BsmYSiUkfiyjaZ3BH0DGJRzwoGUJen4m+9T6s0gLehUUTLLqfB6"
    "4H3xYAL8EP1DvMmM7afkkD9FqXzate7fKLfNzYsv4wHPxqvaa8U3GuTkNXX7vtxWFkucNu"
    "Xgn61up9QvIr+l+n3Qy36rxc738l+U7YFrzP+GMf675u6l31UIOSi1a3J/qKrR6UVK2el1"
    "b3MPI1++ztF63u/I+0d2OEzfi29sqHWhnQ2sd2HePvfYOwoRjB18q7d0sa9mut60ypUCrU"
    "Wu3ZrYp77ymAr2XYwyz4euU3g+/z69XO0D05SgHuyVEitvJWEFo5mfT/5CxT/w0I7a4Tl2"
    "oWxf+4GmE2HGG6LXVg24gbXMNGJrgXEjvE+s/Rm0Z7NxgfnKTA+CA8vy8wlreenqS+e3fv"
    "08XkhQHW7h+xqfcDd3zdn+CxFW2L+kzs489dYszV9RD6M/W/B1Xs4bT95PUy72rcwmZbxF"
    "wTnmuooqjwwF0B5tuaCDXcWgoLkm0JPl67HzVm1RQVJosKsiZEV1BFUeEB9XvUt4hlQeVr"
    "wlSDqq7cmoqKFmUPVDgwrIlVa15RUaGaEHNMnc7QH5qYrTuZf5lXdy5rKypqj0QbYdEfwD"
    "tCXWti9s2prO7WVVTEsK1T0ScMqlp3nq/JqppQ07TYYD0Qk95RbRPzmAPZV199RUWO22LA"
    "v68HVsep4xKWSDxMo1DM+JC9wsmeGBzr69o2TiVF6krSZuYVnmRFB2+Fx+uI4BjXkgdoh5"
    "Eehz8pB2tjBO/1iaSCd186oMRyXBmH0B1jBuNMn1Unhf3MQozD0WMckh2NwivxnIOxVEMM"
    "xBG/Q2IE/3wOylcWktXAmxPyAd3eTrAY3d4ig1rCcgpjphGwyUzrFaK6BV91ROEWf2RvSy"
    "GctviYGEforxFHqwPgb8pBqhykezE976mrTDlIf8RWVw7Sl3eQ3sNPi8e3yeyxg3EL3kku"
    "pRGsPdkd+pY89SQD2qVu87zVaVeRSYZw5Yb1mrXLKprX9CIupwCPBHpLli7uld8W7C/npD"
    "54V0njNJXFkvF1bgYR9it1/Ww6WozoJhW2fNgbK+ln/g5sEiYyAhsQWgPSfFpwKyAa8ULH"
    "998oxh+5SeiQ/Uymkek6gaUJVbefnTZiJMNlEz/OrbK4oQsfAAEi3Bm2dtWonTVLMX15Ay"
    "CndO7ns/s+i21g9AZQ7YLG1201eqWnNFEU2ogaOlS1HptWLKwD/XFMxoNdRVLsCz6ZqMaM"
    "zJkDVQxz5kGYzJzBnb7tlVLh+Yp9UuzTnvAQin36EVs9Dfsk5/OsDJRfRoWRh6zzaFCzTq"
    "2Jgaf9rDCH5QpI+B2kIvwOlhB+B1HCz+RJIeTPE36ebJ6xBgPki+T6JjfsstaunTe7VeRq"
    "e+YNO2t1m41eBy7p1CSa4KYs1f0ZJpr2uSxn3sMszIZQsnnR+trs/hdKEoM+EHN6wz622r"
    "V2ownvSZnE54bVzi5b7SrC+piyvJCJlvXIQQseYSsjqxgSXKmRc2ZChAj04+M0BPrxcTKB"
    "Lu+FAB9l3AIzFygewIeVFPgeVhLhlbeC6JIxpkYWdOcCxUO3cpxm8YVSS7pvZPkdwTzYl8"
    "pnvFobD3JAaJlGu3+QL0FYKqQh9OAlbSshLvPzVaedYHkHpML4UU2gv50olq150RZW+MCm"
    "Bix41lv5vJcwxCVKAWPA662vL2u/hDty46JTD2v5soJ6eKMcZkMbVvxMrRIQUo2y8UYBs+"
    "iBagTmsweSMKU/r4FGKtmh71m+ko5NPWODlD5ft1tS5fwdHicVTrBJ22e17lkVeTXCtaZb"
    "xiKyTD5USbXddPsYU6uPYdA/xMBc52BtYZawhPjlQmAPQHBbaHvMw27no3qncxGYj+qtXg"
    "jj68t6E7B3oIdC1HVGtdq9EOAzUzCjszoopbzVKrxih/DKSKWMsPpEVGdVoRX5CK3wIu5U"
    "YMUSZH0jN4AoPB+1ry8uSnGr2QZQLVaIQBjV4PqdAGyaeBWTTLi57k7fYmH9wikb9hEllZ"
    "JApSRQKQlyg5pKSaD2QG8Eom0GJnq5nmJiE31poJLDEzVfIRWdqKITI4ir6MR8xqmp6MQf"
    "sdXTRCeqvbHbDZUTVGTzf80Fduj+2pHnaxv47tne44FtUQamdlb/b/36qtVuXl1VkVeD3I"
    "Pc+NRuNWoXciOyNmJUw0Y0wDAffmAV4aYi3PY4wm1m3ceZH8kgB4SKB/Tmw/g94jejozIk"
    "pny/yrWunMH5gng7zmDN5+FZE+YC5vcOQxyaJuPhTfZfbpWX9NCPIyZ9LbOEmfSX2iY1mZ"
    "Tdr4yid/gjdCQ38Z9iMxWbmb+pY095LcVm/oitrtjMbHbwNjL9zXYdTbNg7JcpHKe5eSPY"
    "on9m6sJe+cJBu3maTNA4WyEdV+zJ7hDmelaSuFZFtRtWr6L6DWtUUWMl6jcN85tM/EYoHS"
    "oyTRZe+cL15s1PFBM8Hcv8aVjTuB2Xbm7ZPv2IqOIn0yMuiBl3bN/zeM8Fi4f2VtQNxmNP"
    "JeuR7yJBn/MECjB/LFPLm7/0Ahp5ZG/tXCu/6LTPveLhDbeKJl63IbKw8JIMyoqrT0btwV"
    "K0ez5od5fWXB/jYm1hiUDrG7trbBZSh7zGwx2ymdXppTsMI79yd8ZHXDUehsluGssroaLH"
    "lb9F+Vv2hHlX/pYfsdWVv+XlCRBoCXMWLZwWYp9IAVE+TIXy4RKUD6MoK5J6a5SpVLuFrc"
    "dMEh8NjhNYPL9QCOM7KbWHvXgJrmed6/pFE33pNhutq9Ysad58knduykuLhFTdZu0ikmaN"
    "DVfA2S+lgE4DNKghdkwCmnQ+xLlwnifm0rfzq9OjKnL+3bDzxud3lSpy/q3iTzxNMaOcJk"
    "4op5HM41inttWPaYIWS+jlfpEQ8HQv8xHA+8K/N5WDo/dHp4cnR6dQxHnR+ZX3S0CPprNT"
    "Yfcq7H4/4FX8fx74fxV2nwXiHIfd+/M+xdC5obRQS04t86WiSsXuljqMIIMPKasiDGXG1J"
    "gifodMcgcDfoQEvyfM+gDfH/g9NAKiQha3kBgRpBOZvRlxWyAsEIf+9TasmGyjfsU752AB"
    "KCve+QdiINPwzmMYjTzTttyFRJ7NsBUZnM3v3CffJxSaa4VhFZQs4LDak2EUQ+RHx5GzFK"
    "40ewYlN9DM+Qz4KFQrw3pgxdlJybNmVLJ4Mayb33GgOICtUizymMyMsPpEFJyKUskJpeKd"
    "+b2biMp9hdY3drPSKP4l0OEA+i4HEAU9S9Bg162rJ6sqEO5bDR70JdCO4ZyC6bWTKScaLP"
    "cs4VRj7gGrryy0EEV33EQYyW6FBEcyd7NkgKiJvhHQhASa7Y/6gCyA0SCyZJRr2mzVimbK"
    "waJYVjSTopmCPg+YgjIfhxwQUse4h6ylaLCQoppWmcvyNJRSkRCw1K0UJ2wpkmkv2tdb5w"
    "bTrBElYUG151HRSTuEV9FJik7aMcSKTsoxnRS/qO0O2HyuYc9HPIWX8czbn7fJP4XPI4sh"
    "oWKOLEtmosLHpaXko9BCDjlyRJdEEWfEJY0GZMrnnJHJDajjARtUR5RZVCcII6nookfoC/"
    "wxhpTafP1pcqN6E8/i4Sr9qeKr8rpQFJiv8g3ASKsvyVMVkCpgeNTmOStn0uzfmTxmS8ry"
    "4RWULODw2pPhlIrTcBvLZiLunJU07TwXVdxVntt5lcCotQKiVhq0u8rAuo3N1irQ8EcYRz"
    "OTIzsHHBFUHLDigHcIrzfJZO64EUHVcRW7rtj1fFOVil3PB7u+WPUVu/4MrhEFKYFdj1/U"
    "FLzPwBtZxnPlvAgEHMd4LsIByclui0AYdFqfRWD/dBlZAvqOjjgzpghbiAoLXX2qvakcn3"
    "yQTgbd2Txdlj4GBqITA2tEj3NVbKpaFTubAx2lrHwRyhcRWH2cYZ05eDYopaJnn/VEqOjZ"
    "VWazPA0mFT2r2rc0y6OTkSkJSimyZDlZ4stVtKYxFMqRtJ/gPmsUBXtXnlJYfSPaCIs64O"
    "f+zohFFCxQXmYSPTpF+wNf2Y0eU/CrfPYMwglh8Ok3ZZ4o82QvZooCmyfzQZnWMpkLqACp"
    "FGbJbKrLgO9CooAAH1TSZESGUskpuiqRrMjwU3lGkH0ixUvksxWQleNduYfzDadyDyv38L"
    "5Au0Yun23akzVbpwJWTco+gcJbis2KHChRXp4YGcr2NVm4P/JKP+tn640IMrAlkEHZvUxb"
    "jBny98RXFnKq/IAMrt0THT2OqEEQvAZxLNcysriTydgphRh5IKbMR3NvRZ1vW36W8sjlYF"
    "koK5NXmbyBJUqO+L5F/oi2eZ0OEw9S8Uvt7iCVd9tqXvcUlX9WKoeH7yvvDk9Oj4/evz8+"
    "fTc/TiV6a9m5KvXWuTxaJdCk0bNWHAyzukIDQgW0ibdAOuTWVntRF/QGTYss6llaM6TDSI"
    "/Dnx0ZIXloirVNkC6sBd1WoxdSmNdXgptMmNNEBdi9m0L5JfOCqQ4FMYnGTR30TOwoVm/R"
    "7a2c+G5vkcZBtbSQVDCniEttErmDFlRWZx87mpjkgXIbyshnguYqJePPBtnOY2J9PuEuLx"
    "dQ5fdRSvCeLNTFVYIz6787V3232a4vov1mH2CFHVh7MpBShSzBIsqzcvd+GbVT7imMZ8bE"
    "HQsJZR6mMA8te/A70YSLUgaYw3LF2/G/8RNQPMiyeaeDUoWDefM9Wuq2UYA/X3Xa8QB75c"
    "MrK9UE+hsZ1NqaUuMzGAY2NQRl1lv52JewGSQ+gUXWg/j1Ze2XMPqNi049PHnLCuqhppD2"
    "YWaKLyCk5vAUPT4rwgrcQvCne6vgqeCMfDCjuw0l+EpMeke1xPNuooXKz3OqD+HyqUIKoD"
    "tCO0kfv0wCatpMfly47t1KiRkfI5BFWDn9czDdlBXfqfjOwJqujYiM4HE8MpTEnXy2hPuM"
    "EVY86Mo8KL+PQZ9zg2CWoFTdxyA+AIk9hHwZep3ORWA01VshLNvXl/Vm9/WBM4ygEBUJEE"
    "9MDj9/HNPNk41iv0w+DGP5vMIYxncU1LXRSutOSLSAC8+eLDSp/AHKelTW475bjy8ch96x"
    "xYB/vySWhR0NJWI4BguUlxmN3CnaH/vKpsj19DsfgIGHBRrblnAsvtfw5fZWB9MOi9vbn8"
    "ro0aRCEIbAAJSmoAVvCFhjZrnuKC95k4bjz03d+CNu2A2Txqo0fAbYIoharhS3TY04Fqtp"
    "i1HVuWgSA08RYdBrbSJrgWcIjrD5B3qkYgSvAa8HPeP2Vj4EJG6gQwuZIB+6jaCaU1L+Aq"
    "qX57FB1iMhE6j6zbxezKYIfg+aoe/+3i7RqRM3hAwY6qlP14ChK2ynbV2E1NkaypDO6zxc"
    "YENazgvO50ibJ3sf/DLKA5HCA+FOvlkh3qS/OEfJwraynxmbw0zWsVc+H5ZxoVzGi4U92t"
    "mbzB5HVPdgsMRceoeBErP9fxlboPSl2T5rtc+raCZ/w5rt/1w3r5tnVU8X02/YGUzcVaRz"
    "BkrXx1rrQt69w9QgeliLTDV6TtIMnvCC4hs7J5FoC1f9yrjmL6QKuN7vyfqeLp4RTI7xRM"
    "QMyER+3C9SmL1xlYOj90enhydHczJ8fmUZBx4lY72RvUpuyqCoyl2Y54EjZ+xVJsaFmGrf"
    "PLevsxGVmCaPSXDxzPbVuVTxsg0dpzom63jJMVnH0WOycsOh5wz6AlLo+UR43xn064nB4z"
    "O4zO6Ul3Hm9qLMRnOAqkAoxd/uhT1XYP72HiBdlWvxZPPM4Za+fOr0OlU0GXHBb9jXTqvR"
    "rKIHTme/J6N6k4Z6TCYeI7QjPEsQln3vVVguzy2QGxbdGuHK8UkWmBcS2wK4SGduWPTPmE"
    "6cvIN8VrxIoZMbI4keqS5idvQkgjkvvxKaOVO6Nw3mCCyWUYxWk4jmQkDBGYVTt03XzokL"
    "KE3ENCSlgI2JhM4LzZG32XUzmQRcMzZ7YuWgmII1z/RRTiHeUnLlWc/cAMxFT7AcHMP52h"
    "pJTKqNSnH7Id075aWbIBdlcsPNJeoAsTNozNI/a8L8BiRtZOFPpuJk1r2MSW98IgUkAyrH"
    "xymsVSiVaK4690IxXzCoMiA8K15AdA9S+ewOlvjsDqI+uxlFFUU4OajOJ7L7uLqX0bM2Fk"
    "EX0ch2uZg9/R/kLm5q"
)
