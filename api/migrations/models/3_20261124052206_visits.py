from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "verification_policy" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "version" INT NOT NULL,
    "overrides" JSONB NOT NULL,
    "lexicon" JSONB,
    "author_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_verificatio_organis_e7b3e6" UNIQUE ("organisation_id", "version")
);
COMMENT ON TABLE "verification_policy" IS 'One version of an organisation''s verification thresholds (only what differs from ours).';
        CREATE TABLE IF NOT EXISTS "visit" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "verdict" VARCHAR(10) NOT NULL,
    "score" INT NOT NULL,
    "policy_version" INT NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "findings" JSONB NOT NULL,
    "device" JSONB NOT NULL,
    "outcome" JSONB NOT NULL,
    "audit_decision" VARCHAR(8),
    "audited_at" TIMESTAMPTZ,
    "queue_rank" SMALLINT,
    "customer_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "rep_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT,
    "site_id" UUID NOT NULL REFERENCES "site" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_visit_organis_8954f3" UNIQUE ("organisation_id", "code")
);
CREATE INDEX IF NOT EXISTS "idx_visit_organis_2926d7" ON "visit" ("organisation_id", "rep_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_visit_organis_d9c268" ON "visit" ("organisation_id", "queue_rank", "ended_at");
CREATE INDEX IF NOT EXISTS "idx_visit_organis_5beef9" ON "visit" ("organisation_id", "site_id", "verdict");
CREATE INDEX IF NOT EXISTS "idx_visit_status_030753" ON "visit" ("status", "started_at");
COMMENT ON COLUMN "visit"."status" IS 'OPEN: OPEN\nCLOSED: CLOSED';
COMMENT ON COLUMN "visit"."verdict" IS 'VERIFIED: VERIFIED\nSUSPICIOUS: SUSPICIOUS\nREJECTED: REJECTED\nPENDING: PENDING';
COMMENT ON COLUMN "visit"."audit_decision" IS 'APPROVE: APPROVE\nREJECT: REJECT';
        CREATE TABLE IF NOT EXISTS "visit_audit" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "decision" VARCHAR(8) NOT NULL,
    "comment" TEXT NOT NULL,
    "machine_verdict" VARCHAR(10) NOT NULL,
    "auditor_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "visit_id" UUID NOT NULL REFERENCES "visit" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_visit_audit_visit_i_79e103" ON "visit_audit" ("visit_id");
COMMENT ON COLUMN "visit_audit"."decision" IS 'APPROVE: APPROVE\nREJECT: REJECT';
COMMENT ON COLUMN "visit_audit"."machine_verdict" IS 'VERIFIED: VERIFIED\nSUSPICIOUS: SUSPICIOUS\nREJECTED: REJECTED\nPENDING: PENDING';
COMMENT ON TABLE "visit_audit" IS 'A manager''s decision on a visit; append-only (a later decision is a new row).';
        CREATE TABLE IF NOT EXISTS "visit_fix" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(5) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "datum" VARCHAR(8) NOT NULL,
    "wgs_latitude" DOUBLE PRECISION NOT NULL,
    "wgs_longitude" DOUBLE PRECISION NOT NULL,
    "lat_e6" BIGINT NOT NULL,
    "lon_e6" BIGINT NOT NULL,
    "accuracy_m" DOUBLE PRECISION NOT NULL,
    "altitude_m" DOUBLE PRECISION,
    "speed_mps" DOUBLE PRECISION,
    "client_time" TIMESTAMPTZ NOT NULL,
    "server_time" TIMESTAMPTZ NOT NULL,
    "bssids" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "rep_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT,
    "visit_id" UUID NOT NULL REFERENCES "visit" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_visit_fix_visit_i_933a33" UNIQUE ("visit_id", "kind")
);
CREATE INDEX IF NOT EXISTS "idx_visit_fix_organis_92fe85" ON "visit_fix" ("organisation_id", "lat_e6", "lon_e6");
CREATE INDEX IF NOT EXISTS "idx_visit_fix_rep_id_0efa51" ON "visit_fix" ("rep_id", "server_time");
COMMENT ON COLUMN "visit_fix"."kind" IS 'START: START\nEND: END';
COMMENT ON COLUMN "visit_fix"."datum" IS 'WGS84: WGS84\nGCJ02: GCJ02';
COMMENT ON TABLE "visit_fix" IS 'A GPS fix as the phone reported it, with its WGS-84 conversion and what was found.';
        CREATE TABLE IF NOT EXISTS "visit_photo" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "source" VARCHAR(6) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "served_sha256" VARCHAR(64) NOT NULL,
    "taken_at" TIMESTAMPTZ,
    "exif_latitude" DOUBLE PRECISION,
    "exif_longitude" DOUBLE PRECISION,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "findings" JSONB NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "visit_id" UUID NOT NULL REFERENCES "visit" ("id") ON DELETE CASCADE,
    "served_id" UUID NOT NULL UNIQUE REFERENCES "upload" ("id") ON DELETE RESTRICT,
    "upload_id" UUID NOT NULL UNIQUE REFERENCES "upload" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_visit_photo_sha256_99c62a" ON "visit_photo" ("sha256");
CREATE INDEX IF NOT EXISTS "idx_visit_photo_served__29f94d" ON "visit_photo" ("served_sha256");
CREATE INDEX IF NOT EXISTS "idx_visit_photo_visit_i_052faf" ON "visit_photo" ("visit_id");
COMMENT ON COLUMN "visit_photo"."source" IS 'CAMERA: CAMERA\nALBUM: ALBUM';
        CREATE TABLE IF NOT EXISTS "photo_hash" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "value" BIGINT NOT NULL,
    "c0" INT NOT NULL,
    "c1" INT NOT NULL,
    "c2" INT NOT NULL,
    "c3" INT NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "photo_id" UUID NOT NULL REFERENCES "visit_photo" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_photo_hash_photo_i_b42492" ON "photo_hash" ("photo_id");
CREATE INDEX IF NOT EXISTS "idx_photo_hash_organis_45fe38" ON "photo_hash" ("organisation_id", "c0") INCLUDE ("value", "photo_id");
CREATE INDEX IF NOT EXISTS "idx_photo_hash_organis_9048f9" ON "photo_hash" ("organisation_id", "c1") INCLUDE ("value", "photo_id");
CREATE INDEX IF NOT EXISTS "idx_photo_hash_organis_2dbcbd" ON "photo_hash" ("organisation_id", "c2") INCLUDE ("value", "photo_id");
CREATE INDEX IF NOT EXISTS "idx_photo_hash_organis_a83599" ON "photo_hash" ("organisation_id", "c3") INCLUDE ("value", "photo_id");
CREATE UNIQUE INDEX IF NOT EXISTS "uid_visit_one_open" ON "visit" ("rep_id") WHERE "status" = 'OPEN';
COMMENT ON TABLE "photo_hash" IS 'One 64-bit perceptual hash of a stored photo, split into chunks for multi-index lookup.';
        CREATE TABLE IF NOT EXISTS "visit_recording" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "duration_ms" INT NOT NULL,
    "speech_ratio" DOUBLE PRECISION NOT NULL,
    "transcript" TEXT NOT NULL,
    "transcript_source" VARCHAR(6) NOT NULL,
    "keywords" JSONB NOT NULL,
    "emotion" VARCHAR(9) NOT NULL,
    "fingerprint" BYTEA NOT NULL,
    "findings" JSONB NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "visit_id" UUID NOT NULL REFERENCES "visit" ("id") ON DELETE CASCADE,
    "upload_id" UUID NOT NULL UNIQUE REFERENCES "upload" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_visit_recor_visit_i_1a0ae6" ON "visit_recording" ("visit_id");
COMMENT ON COLUMN "visit_recording"."transcript_source" IS 'CLIENT: CLIENT\nSERVER: SERVER\nNONE: NONE';
COMMENT ON COLUMN "visit_recording"."emotion" IS 'POSITIVE: POSITIVE\nNEUTRAL: NEUTRAL\nRESISTANT: RESISTANT';
        CREATE TABLE IF NOT EXISTS "recording_key" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "key" BIGINT NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "recording_id" UUID NOT NULL REFERENCES "visit_recording" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_recording_k_recordi_3dc27e" ON "recording_key" ("recording_id");
CREATE INDEX IF NOT EXISTS "idx_recording_k_organis_d5312b" ON "recording_key" ("organisation_id", "key");
COMMENT ON TABLE "recording_key" IS 'A coarse fingerprint key of a recording: candidates for the duplicate comparison.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "recording_key";
        DROP TABLE IF EXISTS "visit_recording";
        DROP TABLE IF EXISTS "photo_hash";
        DROP TABLE IF EXISTS "visit_photo";
        DROP TABLE IF EXISTS "visit_audit";
        DROP TABLE IF EXISTS "visit_fix";
        DROP TABLE IF EXISTS "visit";
        DROP TABLE IF EXISTS "verification_policy";"""


MODELS_STATE = (
    "eJztfWlz27iy9l9B6cvMqdLMTbwkHs2tWyXZiqMZWfIry8nMHZ+SaRK2cEyBGi5ezrn57y"
    "/ATVxAiZRIGWS6KhXJJBqkHmzdTzca/2ktDA3r1s9j80GhxFJsYtBWB/2nRZUFZl+E99uo"
    "pSyXq7v8gq3c6a6AkSx5Z9mmotrs3r2iW5hd0rClmmTpP4s6us4vGiorSOjD6pJDyd8Ont"
    "nGA7bn2GQ3/vonu0yohl+wFfy5fJzdE6xrsdcmGn+2e31mvy7da9fXg7NPbkn+uLuZaujO"
    "gq5KL1/tuUHD4o5DtJ+5DL/3gCk2FRtrkZ/B39L/1cEl743ZBdt0cPiq2uqChu8VR+dgtP"
    "773qEqxwC5T+L/Hf2P/2qRYrPZaDydXfWns1mrAHaqQTnuhNocqP988+pdAeJebfEHnH7u"
    "Tn48/PAPFwLDsh9M96YLV+ubK6jYiifqgr5CWTUxx2Sm2Gm0z9gdmyywGPG4ZAJ5zRf9Of"
    "iyTQsEF1ZNsOp+AbgBfBUA3mI/UBtT/dVv+zUNMB1c9K+m3YtL/riFZf2tu/h1p31+58C9"
    "+pq4+qPXXgYbWd6wCytBXwfTz4j/if53POonWzUsN/3fFn8nxbGNGTWeZ4oW6abB1QA1Vn"
    "LV6s5S27LV45LQ6rK0eoBRpNn9t1+1uvuZau/TuWKK2zoon2hlhlYd23WhvMx0TB/sOfvz"
    "4N27NQ37pTtxp1RWKtFaI//WgXfvWwxfS3ceiuAblC8H383r1d7Q/XCUA9wPR5nY8ltxaP"
    "lkMvu3QQv135jQ/jpxq2sR5b+u5gp9mCukKnWgasR1Q1X0QnCvJPaI9b/nP52O9oPx+w85"
    "MH6fnN9XGPNb375xfff+MaKL8Qt3ivr4rJjaLHYn0v2xsrDSbdHzxT79PsF6qK4n0PfV/y"
    "mroobT9reglwVXRQubY2FzR3iuWRVNhYfdtZn5tiNCp14tjQXJsWxjsXM/OvWraSpMFrHx"
    "jhBdsSqaCg9Tv+czC1sWq3xHmLqsqiuvpqaiRegTsV0YdsRqEFbUVKiW2FwQtzPMHkyF7j"
    "qZX4bVnfPamoraM1bnij27Y+/I6toRs69uZT2vrqYipjgasWeYsqp2nee7vKo+q+m12WA9"
    "YZPcE7WMecyF7EukvqYiZzj2nfGyG1hjt44LtkQqD3kUCp8PqRVOzlI3FG1X28atpKldSd"
    "Gxuety2OV1NBog9mzNWe48pfOqztyamo0WfsI761guWH1eUVOxYvoQpVjnpe7JrurVqVfZ"
    "qVtXUxFjv5RwfWHXgXjm1dNYzUojD9iyZ6azq0Z15lY0cRqrSVHDLkv7HEWq+h7gmi1NfI"
    "9NTNVdh2MUucuw0qZiuJwbtjGbK9Z8V9wueU2fWUVNhcrEqmFyvmD2iF93BGsS1PU7buy8"
    "H7WlZ0tDJ+rOS2XUnL7kNb6yK01mVZ+IRXbVXb/wOhoN0Mwlb8qAySVtmo3VPXnZeRjyij"
    "6Rl2YD5S6NZSDlrozNxipcG8vAK1wcm4QZDw0xDoysYJH4rSQtPceKIII6AHZM8dRg/+Xk"
    "pJlxTuhnnItFrCPPGjcLXC2hDOxidkFYa0Pw431xcbBI9M6FQpUH9y15dVw4GoAk2JcQBC"
    "Zl70ewgxKb9iG0uogycWTcI3vOPiL7GH6wEK+GvTnGv6Lb26Viz29vkU4s23ILK9wKtA3T"
    "+gERzWJ/aoipB8h4pj+3EjhV+BjBfom/UvsxXAD/CfsoYB9FLZa3mkbUwz6K77HVA4xgH8"
    "Xb7aN4ZD9NjG+fOgsX4wF7J8WnWGNYB7J7DEEP1JMCaLcm/fPBeNRBJn5gV27otN+96KCw"
    "pjeJTI9RvExvKdLFg/JVwf52e1nevzvIs7eCF8vG170ZRziq1M2K6WgC0TIVNjnsja30s2"
    "gHNjG1CwIbE9oBUjktuC0QTW1WEfffNMafDBOTB/o7fk1N1xnBXInq6tlpU0Yyu2wqz6FV"
    "Jhq67AtDANveDNu9Ou2e9VuCvlwCyDn3AMnZfTdiGxu9MVQnTOObDE6nrW95Nlupc6JrrK"
    "rdWMlmYR3rjwu8uNvXhqu64FOIqi3InLlQCZizAMJs5ozdmTlBKcjiAewTsE814SGAffoe"
    "Wz0P+8Tn86IMVFQGsk0krPN07gONWEtdeZ0VhTkp10DC730uwu/9GsLvfZrwM42sTBObCb"
    "9AVmasmQFyybm+5Q296I665/1JB3nannlDzwaT/ul0zC5pxMSqbZi81OR3NtGMznk585HN"
    "wvSBlewPB1/6kz9ZST/8+4Z+Goy6o9M+e09COT43tHt2MRh1kKItCJWFTLSsZ4NpwXM/0j"
    "M/q5gQ3KqRJTMhEgT68XEeAv34OJtA5/cSgM8LZsoJBZoH8OFBDnwPDzLh5bfi6OKFQvQi"
    "6IYCzUP34DjP4stKrem+qeV3zubBGVc+xWqtGOSY0DqNtn6Qr0GYK6QJ9NhLOlbG9u3frs"
    "ajDMs7JpXEj6g2+j83iqUyL9rKCr9ziM4WPOtn/ry3MMQ5SjFjIOitP150/0h25NPhuJfU"
    "8nkFvWQ+LYU+OGzFL9QqMSFolNIbhZlFT0TFbD57whlT+mYNNFXJHn3P/JU0xdQKNkjrt+"
    "vRgKuc/2KP4wons0lHZ93JWQcFNbJrfa+MhXkZOVRJyEpXPcbEmils0D8JYO4ZzNpSaMYS"
    "EpVLgH3HBKtCO2Ae9jsf9cbjYWw+6g2mCYyvL3p9hr0LPStEPGfUYDRNrdgzg94ZShi/Xg"
    "T0pOwegQ+v1BZ53wgvGCYQl4I4AQhs2SO8PEasIKwRkUo76z4pYIhpkSbuYquYliDUUZaI"
    "ljfouxuBjYzbGKDs+Wh0PRy2RGtZCaA2KzQjiWp89c4ANk+ckImXxs6Zp5qFdTw70N4z6t"
    "YRJcgYCxljIWOsNKhBxlhIUVn+HK8+UuNZx9oDj7naY77KWi6Ib5OAsY5QQe63wqoWs4W0"
    "mWRZpurY9SDJVIEkU+wVVKLhNelYINnUCjNINlVmMqCMhJfZ+G6Z3aZI1su6THgF9+mc+i"
    "ckCbbqBLfa63brqJFCsFkHNuukEIfNOnJu24DNOt9jqwcYQaqYt9s5YhO7WDhYKLDHaLCq"
    "lqc94FuzVDx3jkUotqyCiLd611eDUf/qqoOCGnhKntPPo8Fpd8jz8qhzyhRdPb3fprVNS5"
    "W/wwY2fMCGj72gW8mGD9/pIjI/skGOCTUP6PJ3tQb++ILRYwmxagPy6hFCBuGOEKEnEcTV"
    "ROipkbibHWEu91BsGUP1EpOkGN3soLIqsweF4ItoyUjDrOElo6WqJCazUl23UfqO8cz6kZ"
    "cFG7hM4DLlm5xrymoBl/k9tjpwmcWs4CrSXvtb8AUHj2RjHJVpHKNZvglskX8X6sJB+cZB"
    "Wz5JZhORqZCPKQ5k9whzryhF3O2g7g3tdVDvhp520OlWxG8e3jeb9k0ROsQuNFkE5RvXm8"
    "ufKJbK64InE1ZU1XBEuZfXJa1KiQI7mR9xG5sLQfTXZrxDweahXYm6QQ1bFGY3xS92hj4X"
    "CDRg/linlvf/mMY08lSimVArH45H50HxZPYZYIl3bYgiJDwng4riGpGBHA7AusvBunu05u"
    "4YN2tfcQrayNjdYQe3H3C76wblVdhuQ3pywmYW6glFELoiudIu1hIe2Aiz59MwrrxsTilf"
    "VtDJsv1YVlACguvBIQUOqZq4JsAh9T22Ojik3p4hYi1h+sHUeSGOiDQQ5cNcKB+uQfkwjT"
    "Kw+JVxylzvth1NMEl80g0lg+aMCiUwvudSNezFa3A9G1/3hn10OemfDq4GfortcJJ3b/JL"
    "qySqk353mErKTB+2wDkqBUDnAZqpIY4ga2I+J2soLPPE3Pp6fnVy1EHuxw09P/3t3UEHuR"
    "+tLaaUkxwzyknmhHKSOqdI0YhjzQRNMKAZvTwqkgCe1DKLFntf9vHTwfujj0cnhx+OTlgR"
    "90XDKx/XgJ5OwQy7EmBXghwzNPhHauAfgV0J+9uVACT3OrArJbmjqVwFXHci0+uaA6Aj2W"
    "VzUd+tMcVINx4I7SCFlVkQ/RUZ98jE92w6nCPbeMTU+pX9/WQ8MtgQsXlxC9lzjDTMD8JB"
    "hmMjxUYGG30/J7W2KuoHUl6C5bENpPx3RM/mIeUXbDQahbZ0ryRktlG3pLfKz/qAX5aENd"
    "cWwyou2cBhVZNhJPBypMeRuxRuNXvGJUtoZjnDhRrVymw9sERWZPasmZZsXgR0+ftVgCGp"
    "lIByrMKUXkQE4ATCSRLCybH2GY9bV2gjY3d7lsnnAGYeB7Ab2zTx6pryqhqEe6WkU+RMHA"
    "HnFD8xJ5tyIvFyGwmnLkWKtiD0BwutRNG9YSIF8W6FbAPx41g4A0RM9BUzTchG/u66X5HF"
    "YNQxL5nmmsqtGmgmCRbFNtBMQDPFPUJsCprNFWtexGaKCZVDNm0eY3uzlsqPpAKqaZu5TK"
    "ahlIuEYEvdVkHUFpBMtWjfYJ27ey0abpMUhB2zQCftEV6gk4BO2jPEQCdJTCeJF7X9ASvn"
    "GrY5ICy5jBfePF8l/5Q8YlhAQglOIc5mopInIOfko9BKDrlyWONEkUGxRxrd4Vcj5IxMQ2"
    "d1PCk60RChFtEwUhBXdNEz6wvGs4CUKr/+PJl1g4ln9XBIngt8lawLRYP5qsgATLX6mixn"
    "MakGhkeVz1m5k+bs3jQE+3XWD6+4ZAOHV02GUy5Ow2ssh9qiM3rytHMoCtyVzO28TWDUTg"
    "FRWw3afeXvrWInOgQafg/jyDc5inPAKUHggIED3iO8wSRTuOOmBKHjArsO7LrcVCWw63Kw"
    "66tVH9j1DbimFKQMdl28qAG8G+BNLeNSOS9iAccCz0UyIDnbbRELg87rs4jtn24jy2Z9R0"
    "MG1V+RYiFiW+jqc/eng+MPv3Ing+Zunm5zHwNloktdUbEmclWUVS3Ezkqgo7TBFwG+iNjq"
    "4w7rwsGzcSmInt3oiYDo2W1mM5kGE0TPQvu2/Dw6BZmSuBSQJevJkkiuoh2NoUSOpHqCu9"
    "Eoivcumc4d/4rVuWL3GH7e70xZRPEC7XUm0bNbdHYXKVvqGQ5/8Wf7EC4xZd/+yc8cD+gk"
    "7+Y/wWIBi6UWk0eDLZZwnOY1VkIBiJnKYan4s18BfFcSDQT4/UGeDNKsVHbWroNUFmn2U4"
    "2CIEdEmpfbpxKQwRcPHmO54QSPMXiM6wLtDul9qjQxu45GbLZqEvqZKbwtYaLkWIn2+lzJ"
    "rOxM5YVn86D0RtfbdI6Rrlg20gl95JmMFYqiPfEHC7lVtpFuqI9YQ89zomPEXgO7xmzHzW"
    "zsFkEUP2GT56d5tNLOuCofBO45CRaENhi7YOzGFic+3GcW/jvd5j3ykHnkTFRqf0fOvKuq"
    "eb3zZn45ODg8/Hjw7vDDyfHRx4/HJ+/Cg2fSt9adQNMbnPNDaGJNmj6VxsWwqF80JtRAa7"
    "gCukFaK+1N/dElGhVFFLO8BsiY4qnB/tuT+SFDU+xsfEzYWjAZnE4TqvLu6m+f2uZrpurr"
    "3c2h9uKwYK4TQkysGqbGlEzFVax+Rre3fOK7vUWqwVRLC3EF8xUZXJtE3qBl+qq7qR0tTf"
    "xEDIeV4c9kaiuXFB8UUs1jhA6gZJfnCyh4fEAJrslC3VwluLD+u3fVt8p2fRPtt/gAa+zA"
    "qslAyhW/xBZRoyhrH5WBbXPfkngWzOKxkgDzMId5aDl3/8Kq7aFUAOakXPO2/5d+HEoAWT"
    "G/dFyqcTCX36O5bpsG+Ler8UgMcFA+ubIS1Ub/h3RiVabURAyGO4foNqHWz/yxb2EzcHxi"
    "i2wA8Y8X3T+S6J8Ox73k5M0r6CWagtuHhSm+mBDM4Tl6fFGEAdxG8Ke1VfAgLEMOZnS/QQ"
    "RfsEnuiZp5+E26UHszp/qULJ8rmIB1R9ZO3MHPM4KaDuVfV657r1JsigMEigiD01+C6aYN"
    "fCfwnYmMEAxhy549YkFKiHXJ7mJipYQJV+F5c6epfxl3bFZSbGQqFBG7LT4r/s2Ch9U55h"
    "FUrlOMYNFJdGvoZ4EwUNFbU9HGowB9w9CxQjP02kcB4ndMooaQr0NvPB7GJrTeIIHl6Pqi"
    "12dd3+34rBCxMyBemgb7+QtBN8/mJaIycnAT/HmN4SbuCdOY51st/QnRBq79NVnrc7lkwI"
    "AHA77uBvwbbwIYO/ad8XKBLUtxNZSU7R4v0F5ntxtu0dkiUjZH7q1Qm104lu0a3T+yP25v"
    "NWZdK/bt7T/a6Nkkto2Zrktda9xib8iwVqjleQSDZFqqIj7HtvRH3NAbyhVxbnveKRZGxP"
    "KkDMdUsUsamI499/YMmFhXXhGmrNcyE4PVwp5hG0gx/0bPxJ6z12Cvx3rG7S1/CJO4YR3a"
    "5gcWsG5jE9UtyX8B0dpheJb1jPGSVf1TWK9CXxH7PchH3/u9E6wRN3QL6Wyo5z7thA1d23"
    "Hb1kMIzjoBLkPWebjBXAafF9zvqTbPJjKiMuAEyuEE8ibfohCX6bKXKHlbJXyQYj4Uso6D"
    "8nJYxo3y2q8W9nRn71NnkVLd4/EqofQeY1X8/ZcFW6B12R+dDUbnHeTL39D+6P9d96/7Z5"
    "1AF9Nu6BmbuDtIMyhTuj51B0N+914hOta2YlM/5Bk8yQUlMnY+pAJePPWr4Jq/kmrgel+T"
    "9T1fSCkzORZLWzAgM/nxqEhjticevD/6eHRy+OEoJMPDK+s48DQZG4zsbXKFxkUhl6TMA4"
    "fP2NtMjCsxaF+Z29fdC4xN0xBkF9mwgziUal6qp+Ncx5Ydrzm27Dh9bJk0HLpk0DeQQpcT"
    "4boz6NdL3RCnz/HvtNdx5s6qTKk5WSEWDfjbWthzDeZvHxmk23ItgazMHG7r8vN4Ou6g5d"
    "ywjRv6ZTw47XfQk0H831NQvclDPWYTj+kwNIPamBbf/paUk7kFpGHRrblycPyhCMwriaoA"
    "btIZKBb5t6ATZ2/i94s3KXSyNJLomWi2YFNVJphh+a3QlEzpLhvMObNY5gKtJhPNlQDAmY"
    "ZTc0zPzhEFlGZimpACYAWR0LLQHLLNruUkc/DM2OJZreNiAKvM9JGkEFeU2drvmSXA3PTs"
    "1vExXO3u1GhiK/MJazPX9kw3Us8XD5ItTrAednNxK30hFrEvg9rqtVhmNVWsRz/xHwh4Fc"
    "TLy6HoB6CUgtkkWmNDcCu6aVzHpt0SbRR3b7TXEebUsMNt4TMlLF8lef6XaAlJZkmKJPOB"
    "aGlg2yVd1BvMtvO4KDYBF+J6ozLA80IGrjrF8jomg03NyHKw2cEUEZe557eG468dpBvPN3"
    "Q0nlx0h6wSw1wo+g29npz3R9MOcn+JvY3HqfyAXci5CDkX3xLmCmZ8rDlLXDSfSlyqeaF4"
    "B7lC8Q7WhOIdpEPxGGQ6t2xEOVPWcP9RIQgJT4WEW6qiZzCm2XpLXGon7UWyfrxvNUXHT1"
    "gv0J/D8tCVk12Z4hd7tuqZW9i34hogFl7mWHhFfWS3dKw9bEVpCMShvWVub1aVoT9t1dYJ"
    "UWhnmds5NjDvXgufLCGShu0XEPVRMbwQniBDeEJi+JeAds4oBTmniY0gi6fLGM7sVdDoej"
    "hcF6uQpEVEyU19wU+/b/YHu+7OM7emBnXwuPn9hKlog3thmPpPuJbRy7lQijq1dwRrFKmq"
    "SXBVuYUvOg6zohJWwzRnbIK2EsiVud6NZUAKT0sXkqe3t4jP25rFT5tHDrWJzu7jlyVhi7"
    "Kbuu5X5LUcWmIzdqC9OMN9FQ/ZeCCoP9tyMhjOBIVIiXpMRA2OlCjoy9nFiSNdq1bvxVlN"
    "nEXHVFyygWOqJmMoH33DV9KipE1EBsgE4GqAq5EL4oq4miBIeUeMw+DohoIbnR1lSvASoR"
    "+yjMOQnMhpG+KwPCR9AeMKjKuaKIaQ9IX/lEmfwXzWQX4vvaFn/bPry+Hg1LvsEkteSBq7"
    "12dT99C74cedRK4OxqNZ/4/P3euraAF3gnyZK47llu2e/j4afx32z855mSiRf0Mn/avx8A"
    "u/Hri++dsMB1/6kz9nZ/2u+zo6ecLmK/uBSvTupD+dDPrRAibmR45tlfm3/OjWLQI9mjpZ"
    "1GRyyGU1QjRceakysK0QAZZrNqOEErAdJTZgyojzZEqsUTT9Q1QGQle+1Yhf2mduLaCXJI"
    "UX6CWgl2SZHUpgl1KrWQmgNj2qarV+F46lqpKyY+Y2pVg/Neg9eWgJWLt4gXZu4k715Dg0"
    "geDG4I7PxjNSaCxugpmrijrHFjIoRvjFxiZVdORX/iu6vbWwzVTEB+v2Fs0N9ou9wwdNrG"
    "FqE/aYdHRHZU/JG97h1wshHsBC1mRZbjAL6Sy1LVs9LgmtLkurC+ilVBhpMAWnmjwf/RwR"
    "l5qBHoxm3cvLDiJ0xpbtG/q1fzq+6KBnrBqLG8qPfZt2h793EE+yZSv6o1vic3fqFpkr9g"
    "3tX3QHww7CC58PevvEEZhyEAUrYs8wdKzQjIihlVSixe6YWFVNFqyT+10De+PxMDYOe4Np"
    "At/ri16f4e7CzgoRTxlNU4eB3lOEPIzKAH1YOn0I9AzQM7Kbu5IfRHTmOzJbAns3vNcusH"
    "8hIlJqmMpf8QetNx/FyRfDk2gjRgoTXGuYxuTYG8zu8D3r6ZCuESxUWWemmtoqYKF+j60O"
    "FmqjLdTv+ex4Hiz2p3uJB4m9utf8SLJICJkXfeYFnfFYs6vfB5eX/L71SJbL7SLLym9HOH"
    "S85EAkC5ukUMq+lQCAmQRT1RWyKKJ1hwIQQJTIFreycAoqWHHJBipY9VWoBBGlcFS6KCA7"
    "187ewzU7ew/TO3td0Py1cAu7RSAOGdpkHlqhWrdFYydloaVlbukgOKZgMvGEWPOm0UoSJA"
    "jI37zKnkAUXD3gSQNPmlwQVxPoTBOZzXaEuqGJ0pJQC6ZMqZyW5AFb9sShLZHXMrzZzu+2"
    "dGVmpi+0MTp3THEsaPYHCy0MkzLokVcVMu7dAFrdUBUdcX2tgyx1jjVHxxq7o7JKn+fsMl"
    "P3kD3HyHrGeJkO0K3yQXljdN2qZ7xqCNMFJ2hNZrqausPyOEEj41HY6hlEQkxqXYvXsLXX"
    "tC5vsRT3TgUDZg3zTkWjBHh3BiBbKuZbTUAJUWA6ZGY6wDoE61B2k0XyOMuY4SiwWpKGZT"
    "7DJZe1UjDMMrrn1cQqWRK2/gWmgJtZJB1tmSyXDLBM3ufKmXsTDAgwIOScd5psQEA+obI0"
    "YNeqKnRo70pC5mDELV0/5Qee2cQuhm8o0EB4K/Gs3RmaILP7FL9kzAZB+Ubgu25W7/8xjU"
    "3oqR1r4aQ+HI/Og+LJbWxxsJdMOyzSm4PyzfMSVxJsE+iVBZWZiBgQETITEXLnN5OlWcHv"
    "Lwu8Sbs3L7ZJOQAWKDNJAiokzBwnJbjFUseFA74EZHOmj6srsMm5sSjLmwrVFe7DKXJ6Yn"
    "SffENAr/TkxCjXfWnoRBVmHxCUaucO6FmuBDYG83RpMsTGh9nqBHnvLPcQQ8dkrau+ttHf"
    "DsE2mhuOabXdoJp4TE46jKeaR8BhHhJoJW2g14FehyQFjW51ATeRlaSgUHqwqAykB1tPtm"
    "6RHsxdQ2dMXRYZLNmca0KsedTrcQ7i9TiTdj1Okq4eXjjrBKN1IOMdji76niD249O3y/eY"
    "Foa0j/nTPvroBQtu3v6dENtj/pJ3J51376qawivt5fKS0ZvNlXowpkVi3/Kyq2OKpwb7b0"
    "/cqgxNUVEwYnmkionvsYl5O2wiVlYl2/nJlbhQrt1SS2xaLvGhzg2iYoufJDAyKL69Rd4P"
    "5MI64lgg23AZjwRj4lE64i1SpdYOtIoEU1cbaJXvyMAGWuV7bHWgVWpMq7iuiZmFBaNxrT"
    "UqkN6jORpeqa09CqQWkFrNgFhec18Op/yOsWeOhYserRsRAfYE4s3kYEVy01SOH/e0Ez21"
    "bfCUDH18YwNExnfVdNTl3LCNz4o1bwkYqNXN9jrSacmLzeZBuVw804ejn+6IzQkhFS9tR9"
    "ERl+dZchRk2Wxgasitto2sJVOyEAPLQOrcoY8WujdMtGANQ35ymxHphvHoZCTlqeg5m7kn"
    "8Wkl77IPMnmffesg+9Yh7M0FlkvWBaemfEcelutJ0R2Bo7FHHjK354Yi+9ueW2Xbejt0fz"
    "k4ODz8ePDu8MPJ8dHHj8cn78Ktuulb6/bs9gbn3IiOtacgg/y7NOaZgHuFm4R2eZn43xfB"
    "8T3gmIXjQREcDwDHLBwPi+B4CDhm4AhcTaVcjWfpFMM1KlMtoEDXAF2TdyOb2ytLwPgLsY"
    "h9GVRWyz68EeDoCJYpV9kEq4bJzzBjzdUS0Dex++11DI4ZlJw94ry7sZBqKKaF0T0Tw+aS"
    "IW0jJu1RK2GFHaQqVCPciPUIFR7TozlLnQcpYVbHYqmYxDKoYDNWFU/YkrjhsADRAkSLpE"
    "tFg4kWf0LKT7P4Ak0yD/ZMsoARUXWyEX+xLZxsJCYHxgQYE3IYE2HPLMugmEQrrGVfzpMe"
    "IzaaZTIsvmAzkdKBXbEyMiJnF15rcjxFxAqlgeBe3SfvCa4lkErZEK2ZGQNswpgbfGvBjw"
    "ZTkNxDVpBG7u9ZFejeNBaIhzj+Q+w9rug5eU908R8Px7mAIVKTZabBhsjTalbL6aeISDTJ"
    "GinPWcEAMokmSuuUvWkgJgS7BmKDp4xdAzp+Iaqom2c3SURkpwaRLKh638iz2WduFA0Fjg"
    "ntsJTXB3vImgoGd30grii5pzvqSwA5Zxi1nLPD5tye0ckxhip7AzS6Hg7fzMLmLEdLZE27"
    "N9prLeewSMknConii9njBecICUqaeOl/czevRQ4VEhRmz2ZPNxX6yP/CrOq1xdnvxSuTmC"
    "sVXlH2JNuxks8E6xisYznXhAZbx7Drv2mtHmC0dtc/Xx5S7Z298TYo34gzaao+Umm1uqXh"
    "7VNnkVLxYlCvpPeY02x82R8VXK1cmQ7i/99QZipf9c86yPtMUvJ5muEkRyucZDbCSbINAn"
    "Vjy0aIiO+xFRiUZ4PRedGG+NKfDD4NOPzBtxt6dX11OTgdjK+vOmj1/YZO+r/1T6e8bPDt"
    "hvqP7aDo84uOojyHDb3PPmvofeqoIUtlNlEB0jYsvz/K9v27uhyj5/npZsWp8LQgnFGYBD"
    "diwxRUoeKSDVSh6qsypTXl0Not2MhROTj9TOYWvmcYst9ayK0VlZHDq8Wf1xivloafiCpQ"
    "A7IbZCUhR3M0ysloOLZqiBI1r/H7rkSgQUpvEMXRiM1+hkrEil0+cyddi8TJtVrdy8vJ+E"
    "u/g/wvgVUT2DQSmJ8uoFtpC3FJ0Bdk1hfi3pB4K18tFF3PNKvikluZVJK1q29UHR58/BDa"
    "U/yPdabU1UV3OBTsKXcsm60YRSMqEmLg9Yegiv3uDlkW3heyBDDFYEYcx3nRjIgAnBDwI0"
    "nADxvjJSDc+BNnlyJAJ0xBmwyYPi/UDkqA9TRSVUOhTShFOfDl82gJ2F751TQU18hqk4Fp"
    "dnxawkzc8XBkN/CsyytqENwJWvZl1xOkXZA+kZemQuRmOikDoxIzwsiHUrh1swykSt7qKg"
    "dalYfOehNVVvxsOI1tCKKdKWHBHPluvDcy3UPBPYYTsX8Kcqv6FbFnYar95G7+/FFBrPGx"
    "uSpJLFaS4mdkGs+Czaal1w6HY0lgO7URhMl+PwGTecJkd/Ww7Oxb2VNb18G5ohqLBaaC4T"
    "fFL1mZR1ciMqNfihel/8d0vZsxHFjD8eg8KJ70PcYhXyjqnFA82zGsUlCNzM3R0MhKV3na"
    "YsNqVAooVvCu7BNeT+0vhmtUBnJugUdADo9AuAt0R4zDDae17L4bsY0O3jz7qt3FCVwtm3"
    "dWR1fxwtR15fwQ52iz2CGfv93EDd37xXIwQ+eXV4gVR4rlJh9esv6AkYmXBo/KR8Ruo2di"
    "z9kXC309v/rp5AgxgIPcYgrVvGRhzwrPX+xQTUQPVfEI4Sbw6IB5ZL0w3+5vXbFn+IP7jV"
    "1j39z92ZE94dhkLzNzCQnYoA3Mk6TTX4OZJ3csp9o7n70dyEptZDN8JlNmS/OPG8oM5Q5i"
    "/21jKpd8fi53A9mOaKP0J91QMpimqFAC9nsuJQ/wZcxmZ+Pr3rCPLif908HVwI9vD0ePe9"
    "NdRcLztif97jAJs0EftsA5KgVA5wGaze/OYmsCOxCWei5hKtTJUQe5Hzf0/PS3dwcd5H5I"
    "wFs/P1izreaUpCB09zzd3UVtq7klJQmA55rIQ1siEVqx5tCHlUyTMq3u+dwH33QrBnwoA8"
    "BvDbyiqg67/ToTLKtr5pe4GEwueSYXRffWv6JQx8S2hFqyrVYVI20tMdZmi6UgSG4N0DEp"
    "wDkHzqpOMLVnAeNSiM+JizaQ0KkJgRNgspbBiXKoBRs6IQoNLXVD31kW0QplD1lJyJEboV"
    "G5QyCdi3RNAlEysAe5LmDKHXJUE0Ah5ghijuoDbrGgI9jbXcbe7jcMNvI2O2aFG4VbITcF"
    "HC3DgqWe6wDbviD4phZTQYODbyzDMUXpJ3Omcg+lpXaan3Yv+pNuB3mfN7Q77F1fdJD70c"
    "rXA2Ju8zwJ9bPz6afT6c+Vg2OBdyv7tIKVRFW47zNiOgHuUR50j7LhPUrhyzlGbbYFzElB"
    "QHsz2rbyiOkWq0hUDrJCyswC4xdyv12cT0oS/Gg5/GgealsF+qRFAfE8kVVEY7NjCujMWJ"
    "OwfJNCTUo7PmKOycNcsB5kwrkSADwFeILbB9w+den734Onoh6bowUWUcH8s1Gh/fJr0gPq"
    "LJkeVRTQmBAACq40cKVJM8GW4EnL9vtEVGPFmu+a+tN143xmFTWoJwvyNCYn2zRoY4qnBv"
    "svr18yrKaO8+vGDhpbXfKkRXaXd0B1PaoxJSiPw3d3J+4qD2uWIzeWqXWTM9eMFQaHLjh0"
    "waFbE3Y+Vx5Px/T0vYVArchk3BJSQLuJTsFdYqzOZy5QhUj4pCDsh8vDwbMnUe+90mBn50"
    "GNS+3xaPM3WBsqSYS6AnC2W2yIsCK5w0SGg/5o2kHe5w296k++9Ccd5H3e0BGbsTto5M/b"
    "bxw08ohfn5keV8gJEJWRwwnQqKNK8cIQ81P5BkxEXOphcjm+GkwHPIN28I0Njf71dNIdst"
    "HhfeHZgq8GTJUZuXm1/a/bDJtfcgybXzKHzS/JYXPPnozNpUlE6bV7hCrma6YDLSqYaKG7"
    "V9ujceRoozKGSM/v9eEQYaD2BqPu5E/x8tITjJLen9N+F7yXsk9c4L0E72WN8ARnGzjb3t"
    "5F0QZnW82cbcz82dHVFhLtrGUa1JXB27ZzD83jbSvPL9TFJlHnLYE/yL/TXucHUlZlpHH/"
    "ZDLTwgVbQEj7jSJtRyqHjc729vgZ1cXkQ4aOuRKRmXDID3GMODg4zpMtmZXKJA/ce4kkbU"
    "vBjuhshP3iDUT3/bt8pzatO7YpdW4Te6ItPPcsmxmIiOyfGHgbxb40CiBlAuxzp/q3/w9e"
    "tmvs"
)
