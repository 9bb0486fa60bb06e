from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "notification_alert" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "template" VARCHAR(64) NOT NULL,
    "data" JSONB NOT NULL,
    "urgency" VARCHAR(16) NOT NULL,
    "subject_type" VARCHAR(32) NOT NULL,
    "subject_id" VARCHAR(64) NOT NULL,
    "dedupe_key" VARCHAR(200),
    "duplicates" INT NOT NULL,
    "escalation" JSONB,
    "level" INT NOT NULL,
    "next_escalation_at" TIMESTAMPTZ,
    "acknowledged_at" TIMESTAMPTZ,
    "resolved_at" TIMESTAMPTZ,
    "acknowledged_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_organis_96804e" ON "notification_alert" ("organisation_id", "subject_type", "subject_id");
COMMENT ON COLUMN "notification_alert"."urgency" IS 'LOW: low\nNORMAL: normal\nURGENT: urgent';
        CREATE TABLE IF NOT EXISTS "notification_dedupe" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "alert_id" UUID NOT NULL REFERENCES "notification_alert" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_organis_50f733" UNIQUE ("organisation_id", "key")
);
COMMENT ON TABLE "notification_dedupe" IS 'The alert a ``dedupe_key`` stands for until ``expires_at``; unique per organisation.';
        CREATE TABLE IF NOT EXISTS "notification_event" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "level" INT NOT NULL,
    "detail" JSONB NOT NULL,
    "actor_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "alert_id" UUID NOT NULL REFERENCES "notification_alert" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_alert_i_fe3462" ON "notification_event" ("alert_id");
COMMENT ON COLUMN "notification_event"."kind" IS 'CREATED: created\nDEDUPLICATED: deduplicated\nESCALATED: escalated\nESCALATION_EXHAUSTED: escalation_exhausted\nACKNOWLEDGED: acknowledged\nRESOLVED: resolved\nDELIVERY_DEAD: delivery_dead\nDELIVERY_RETRIED: delivery_retried';
        CREATE TABLE IF NOT EXISTS "notification_channel_config" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "enabled" BOOL NOT NULL,
    "settings" JSONB NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_organis_3bd6ce" UNIQUE ("organisation_id", "channel")
);
COMMENT ON COLUMN "notification_channel_config"."channel" IS 'IN_APP: in_app\nWECOM: wecom\nDINGTALK: dingtalk\nWECHAT: wechat\nEMAIL: email';
COMMENT ON TABLE "notification_channel_config" IS 'How an organisation reaches one external channel; ``settings`` holds its credentials.';
        CREATE TABLE IF NOT EXISTS "notification_digest_run" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "local_date" DATE NOT NULL,
    "sent" INT NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_organis_de55b2" UNIQUE ("organisation_id", "local_date")
);
COMMENT ON TABLE "notification_digest_run" IS 'One organisation''s morning digest of one local date: scheduled once, whatever the sweep.';
        CREATE TABLE IF NOT EXISTS "notification" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "level" INT NOT NULL,
    "locale" VARCHAR(16) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "page" VARCHAR(300),
    "read_at" TIMESTAMPTZ,
    "alert_id" UUID NOT NULL REFERENCES "notification_alert" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "recipient_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_alert_i_7686f1" UNIQUE ("alert_id", "recipient_id", "level")
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_recipie_6a6533" ON "notification" ("recipient_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_recipie_ece159" ON "notification" ("recipient_id", "read_at");
        CREATE TABLE IF NOT EXISTS "notification_delivery" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "series" INT NOT NULL,
    "not_before" TIMESTAMPTZ NOT NULL,
    "last_error" VARCHAR(300),
    "last_attempt_at" TIMESTAMPTZ,
    "delivered_at" TIMESTAMPTZ,
    "external_id" VARCHAR(200),
    "notification_id" UUID NOT NULL REFERENCES "notification" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_notific_e662c3" UNIQUE ("notification_id", "channel")
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_organis_2d6999" ON "notification_delivery" ("organisation_id", "status", "created_at");
COMMENT ON COLUMN "notification_delivery"."channel" IS 'IN_APP: in_app\nWECOM: wecom\nDINGTALK: dingtalk\nWECHAT: wechat\nEMAIL: email';
COMMENT ON COLUMN "notification_delivery"."status" IS 'PENDING: pending\nRETRYING: retrying\nDELIVERED: delivered\nDEAD: dead\nSKIPPED: skipped';
        CREATE TABLE IF NOT EXISTS "notification_policy" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channels" JSONB NOT NULL,
    "quiet_start" VARCHAR(5),
    "quiet_end" VARCHAR(5),
    "digest_enabled" BOOL NOT NULL,
    "digest_time" VARCHAR(5) NOT NULL,
    "organisation_id" UUID NOT NULL UNIQUE REFERENCES "organisation" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "notification_policy" IS 'An organisation''s defaults: channels per urgency, quiet hours, the morning digest.';
        CREATE TABLE IF NOT EXISTS "notification_preference" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channels" JSONB NOT NULL,
    "quiet_hours_set" BOOL NOT NULL,
    "quiet_start" VARCHAR(5),
    "quiet_end" VARCHAR(5),
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "notification_preference" IS 'One person''s choices; ``None`` fields fall back to the organisation''s policy.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "notification_event";
        DROP TABLE IF EXISTS "notification_channel_config";
        DROP TABLE IF EXISTS "notification_digest_run";
        DROP TABLE IF EXISTS "notification_delivery";
        DROP TABLE IF EXISTS "notification_preference";
        DROP TABLE IF EXISTS "notification_policy";
        DROP TABLE IF EXISTS "notification_dedupe";
        DROP TABLE IF EXISTS "notification";
        DROP TABLE IF EXISTS "notification_alert";"""


MODELS_STATE = (
    "eJztXWtz27a2/SsYfWnPjJob23GSq965M7KsJGpkyVeWk/bUHZkmYQs1BagkaMftyX+/AF"
    "/iA5RIiZRBGl/yILEhaeG198LCxj+tBTGgab8aW3caRrZGEcGtDvinhbUFZP8Qvm+DlrZc"
    "rt7yB1S7MV0Dkix5Y1NL0yl7d6uZNmSPDGjrFlr6n4Ud0+QPic4KIny3euRg9JcDZ5TcQT"
    "qHFnvx+x/sMcIG/Abt4L/L+9ktgqYR+9rI4J/tPp/Rp6X77PJycPrBLck/7mamE9NZ4FXp"
    "5ROdExwWdxxkvOI2/N0dxNDSKDQiP4N/S/9XB4+8b8weUMuB4Vc1Vg8MeKs5Jgej9T+3Dt"
    "Y5BsD9JP7Hm//1v1qk2Gw2Gk9nF/3pbNYqgJ1OMMcdYcqB+ue7V+8KEPdpi39A71N38uPR"
    "23+5EBCb3lnuSxeu1nfXUKOaZ+qCvkJZtyDHZKbRNNqn7A1FCyhGPG6ZQN7wTV8F/9imBY"
    "IHqyZYdb8A3AC+CgBvsR9ojLH55Lf9mgaYDs76F9Pu2Tn/uIVt/2W6+HWnff7m0H36lHj6"
    "o9dehI0sb9iFlYCvg+knwP8L/j0e9ZOtGpab/rvFv5PmUDLD5HGmGZFuGjwNUGMlV63uLI"
    "0tWz1uqVpdllYPMIo0u//tV63u/p1q795cs8RtHZRPtDJDq47tutC+zUyI7+ic/ffw9es1"
    "DfulO3GnVFYq0Voj/9Wh9+57DF/bdO6K4BuULwffzevV3tB9+yYHuG/fZGLLX8Wh5ZPJ7G"
    "+CC/XfmNH+OnGrayPtvy7mGr6ba6gqd6BqxE2ia2YhuFcWe8T67/lPvdF+MD54mwPjg+T8"
    "vsKYv/r+nfu7t/cRX4w/uNH0+0fNMmaxN5HuD7WFnW6LE9/sw+cJNEN3PYG+7/5PWRU1nL"
    "a/B70seCpa2BwbWjvCc8mqaCo87C1l4duOCPW8WhoLkmNTsti5H/X8apoKk40o3BGiC1ZF"
    "U+Fh7vd8ZkPbZpXvCFOXVXXh1dRUtBB+QNSFYUesBmFFTYVqCa0FcjvD7M7S8K6T+XlY3U"
    "deW1NRe4T6XKOzG/YdWV07YvbVrezEq6upiGmOgegMYlbVrvN8l1fVZzU9NRusB2ihW6SX"
    "MY+5kH2J1NdU5IhDb8i33cAau3WcsSVSu8vjUPh8SK1wcpYm0YxdYxu3kqZ2Jc2E1q7LYZ"
    "fX0WiA2GcbznLnKZ1XderW1Gy04APc2cdywerzipqKFfOHMIYmL3WLdnWvel5lPbeupiLG"
    "fini/sKuA/HUq6exnpWB7qBNZ5azq0d16lY0cRrrSWFCy/I+R5GqXgJcs6UFb6EFsb7rcI"
    "widx5W2iQM+S4FOSRZ+xbxV8kIaQ41gZgnAHiM4ZSwP3KGR2ydQPgTzOXQ1tHlj/dQYiL9"
    "qQzsYl00rLUh+PG+uDhcJHrnQsMsMjT86rhxdC9MIJEL9siypXE0KLFJEtfqAszMAbkFdM"
    "7+ikjqfrABr4Z9cwh/BtfXS43Or6+BiWxqu4U1PiFRYtk/AGTY7L8GQOwVecSvWgmcKvwY"
    "gXTv95Q00AXwDyXpU5K+WixvNRV3KUnfS2x1Jel7fknfPftpYnz72Fm4GA/Yd9J8bz+GdW"
    "C7RzVU4J4UQLs16X8cjEcdYME79uQKT/vdsw4Ia3oWkVRs55P5LUW6eFC+KtifT1Z58Pow"
    "j8yPF8vG130ZRzjq1M2K+WgC0zIdNjnija38s2gHtiCmBYGNGe0AqZwR3BaIpnST4v6bxv"
    "gDsSC6w5/hU2q6zthXTFRXz06bCpLZY0t7DKMy0dBl/2AIQOrNsN2LXve03xL05RJAzilH"
    "lbP7bsQ2NnpjqE6YxzcZ9Kat73l0v/ocmQarajd2sllYx/rjAi5u9qX9rQs+hajagsyZC5"
    "WAOQsgzGbO2JuZE5RSB0oV+6TYp5rwEIp9eomtnod94vN5UQYqaqMOPiai8/QxPAPZS1N7"
    "mhWFOWnXQMLvIBfhd7CG8DtIE34WyTr0uJnwC2xlxpoFIOec61te4bPuqPuxP+kAz9uzrv"
    "DpYNLvTcfskYEsqFNi8VKTz2yiGX3k5ax7NgvjO1ayPxx86U9+YyV9JdIV/jAYdUe9Pvue"
    "CHN8rnD39Gww6gDNWCAsC5lo24+EecFzzS7IKiYMt2pkyUKIBIF+fJyHQD8+zibQ+bsE4P"
    "OCh7ZDg+YBfHSYA9+jw0x4+as4unChIbMIuqFB89A9PM6z+LJSa7pvavmds3lwxp1PsVsr"
    "BjlmtM6jrR/kaxDmDmkCPfYlHTvjJNEvF+NRRuQds0rih3QK/uOqWCrbRVtF4TcOMtmCZ7"
    "/in/ccgThHKRYMBL31x7Pur8mO3BuOT5JePq/gJJnaQcN3DlvxC7VKzEg1SumNwsKiB6RD"
    "Np89wIwpfbMHmqpkj3vP/CsZmmUUbJDWL5ejAXc5/2Qfxx1OFpOOTruT0w4IamTP+l4ZG/"
    "IycriSKkFK9Rgje6axQf8ggPmEsGhLwxlLSNQuAfYNM6wK7YB52O98dDIeD2Pz0clgmsD4"
    "8uykz7B3oWeFkLcZNRhNUyv2jOAbwgadf8a5COhJ2z0CHz6pLfJ+EF5QJhC3UjoBJWzZI7"
    "xcI1YQ1ohJpZ11nxSw0rRIo7vYStMSSB1lUbQ8Q9/dCGxk3MYAZZ8PRpfDYUu0lpUAarOk"
    "GUlU46t3BrB5dEIWXJKdkyA0C+tnTu5WR5RU8jKVvEwlL5MGNZW8TGVLKn+O1+8xeTShcc"
    "c1V3tMnVTLBfF5cgHVESqVhqSqFBoZGUuyMd4yJ0SRtCV16aEF1e1BimuBwD2S/Tpb465H"
    "CimJu5K4pxBXEnc5xc5K4v4SWz2PxF0lWKhWb00RLSaiCA32qKGoannaA741S2Bx49gIQ9"
    "suiHjr5PJiMOpfXHRAUANPZNH7NBr0ukOezUKfY+bommmVemublipfl65k0komvRd0K5FJ"
    "+1SlKPzIBjlm1Dygyz8LFuxiFdRcJMyqlbHUQ3ihREJK1yIRxNXoWvTIbvWOMJd7q5mMAp"
    "fEJClGN1uKUWXOjRB8ES0ZaZg1vGS0VJXEZFaC2DZIvyGPrB95uWMVl6m4TPkm55qyWorL"
    "fImtrrjMYlFwFcli/YOrgnT92RhHbRrHaJYfAtvo70JdOCjfOGjLJ8koEoUK+ZjiwHaPMJ"
    "8UpYi7HdC9wicdcHKFex3Q24r4zcP7ZtO+KUIH0UKTRVC+cb25/IliqT0teApOTdeJI8pY"
    "ui7VS8pUsZP5EafQWggUYJvxDg2bh3Yl7gYmwqvYp/AbzfDnAoMGzB/r3PL+r9OYR55Kzx"
    "B65cPx6GNQPJmzQbHEuzZEERKek0FFcY3YqJPPinWXg3X3aM3dMW7WabwUtJGxu8O5R19w"
    "u+uxvpVstyE9OREzC/2EIghdoFzJymoDT5XbNRdeio/UVk2AYfY2jR2UUNpxtd+i9ltqwr"
    "yr/ZaX2Opqv+X5CRDWEpavFc4LccSkgSgf5UL5aA3KR2mUFUldGWXK3W7qGIJJ4oNJtAwW"
    "L2qUwPiWW9WwF6/B9XR8eTLsg/NJvze4GPh5V8NJ3n3JH60y60363WEqUye+2wLnqJUCOg"
    "/QzA1xBKm08u0hhsYyT8ytrx8v3r/pAPevK/yx98vrww5w/9pmP/F9jhnlfeaE8j51eYVm"
    "IMeeCZpggDN6edQkATyqZWoV9n3ZXz8dHrx59+b90ds371kR94uGT96tAT2dl1OJ7pXoXo"
    "4ZWtH/NaD/lei+GaL7aAI7AZmbyG+35trLSE69XNxua4whMMkdwh2gsTILZD4BcgsseMvG"
    "+xxQcg+x/TP7/wO5Z40AEOXFbUDnEBiQp/8HxKFAo4Cw7vUq6ZZUUb9inSWY/9uKdX5B/G"
    "Me1nnBRiMpdCR3ZSFzELYlf1P+qX34bYlYc20xrOKWDRxWNRlGAho/PY7cpXCr2TNuWUIz"
    "yyn3aFQrs/XAFoVJ2bNm2rJ5CtbyzxsoCqBShoXfs1wQ1oiJglMxKpIwKo69Tz1lXaGNjN"
    "2iNEp0CXQ5gJnHAaRBLyIZnHh1TXlVDcK9Uulg5CYAAecUvycgm3JC8XIbCacu9m7o/sEG"
    "K1NwSyygAd6tACWAJ6HnDBCywFfIPCEK/NNRPwObwWhCXjLNNZVbtaKZJFgU24pmUjRTfM"
    "uDTUGzuWbPi8RMMaNyyKbNY2xv0VL5UiFFNW0zl8k0lHKREGyp20olbCuSqRbtG6xzN09F"
    "9SRJQ3XiUdFJe4RX0UmKTtozxIpOkphOEi9q+wNWzjVss+IpuYwXPvxcJf+UvFhRQEIJ7l"
    "7MZqKS9z7m5KPAyg64dtDgRBHB0CONbuATCTkji5isjgfNRAZA2EYGBBrgji54ZH2BPApI"
    "qfLrz5MZNZh4Vh+ukp8qvkrWhaLBfFVkAKZafU2WqphVA+VR5XNW7qQ5u7WI4EDK+uEVt2"
    "zg8KrJcMrFaXiN5WAqumMlTzuHpoq7krmdtxFG7SSI2mrQ7iv/ahVHrZXQ8CWMIz/kKM4B"
    "pwwVB6w44D3CG0wyhTtuylB1XMWuK3ZdbqpSsetysOurVV+x6xtwTTlIGey6eFFT8G6AN7"
    "WMS7V5ERMcC3YukoLk7G2LmAw6755F7Px0G9iU9R0DEGw+Ac0GiNrg4lP3p8Pjtz/zTQbD"
    "PTzd5nsMmJkuTU2HhmiroqxqlXZWAh+lrfYi1F5EbPVxh3Vh8WzcSqlnN+5EKPXsNrOZTI"
    "NJqWdV+7b8PDoFmZK4lSJL1pMlkVxFOwZDiRxJ9QR3Y1AU710ypbD6CvW5Rk8Yft7vTEVE"
    "8QLtdSHRo1t0dhMpW+olBb/zz/YhXELM/vUHvzM6oJO8l3+oiEVFLLWYPBocsYTjNG+wEh"
    "oozVSOSMWf/Qrgu7JoIMAHh3lSJLNS2Vm7DlNpktlPJQVBjpg0L7dPJSCrvXi1Yyw3nGrH"
    "WO0Y1wXaHdL7VBlidh0DUbZqIvyJObwtYaLkWIn2+lzJrOxM54Vn86D0xq236RwCU7MpMB"
    "G+55mMNQyiPfEHG7hVtoFJ9HtogMc5MiFgXwO6wWzHzWzsFgEYPkCL56e5t9ObcVV+kNqe"
    "k2BBaKtgVwW7scWJD/eZDf9Kt/kJusu8UyVqtb87VV5X1bzehSr/fXh4dPTu8PXR2/fHb9"
    "69O37/OrxZJf1q3RUrJ4OP/JaVWJOmr11xMSy6LxozamA0XAHdIG2U9qz70SUGFUUcs7wB"
    "yBjDKWF/7Cn8kKEpdg4+JmwtmAx604SrvLv728fUesp0fb23OdxeGBbMdUOIBXViGczJ1F"
    "zH6hW4vuYT3/U10AlzLW3AHcwnQLg3CbxBy/xV91A7WFrwARGHleGfydxWbim+KKSajxFu"
    "ACW7PF9A1Y6PcoJrslA31wku7P/u3fWtsl2fxfstPsAaO7BqMpBy6ZfYIkqKsvZRG3Vs7n"
    "sSz4JZPFYWKjzMER7azs2fUKceSgVgTto17/h/6dehBJAV25eOWzUO5vJ7NPdt0wD/cjEe"
    "iQEOyidXVqRT8B9gIrsypyYSMNw4yKQI26/4xz5HzMDxiS2yAcQ/nnV/TaLfG45PkpM3r+"
    "Ak0RQ8PixM8cWM1Byeo8cXRViB2wj+tLYOnpJlyMGM7ldE8AVa6BbpmZffpAu1N3OqD8ny"
    "ucQErDuyduIb/DwjqOVg/s/V1r1XKbTEAoEixmrTX4Lppq34TsV3JjJCMIRtOruHgpQQ65"
    "LdxcxKkQlXsfPmTlN/khs2K2kUWBoGiLbFd8U/m3hYn0OuoHI3xRAU3US3hn4WGCsqemsq"
    "mtwL0CfEhBrO8GvvBYjfMIsaQr4OvfF4GJvQTgYJLEeXZyd91vXdjs8KIZoB8dIi7OcvBN"
    "08m5eI2sjBTfDPaww3cYuYxzzfaulPmDZw7a/JWp9rS0YF8CqAr3sA/8yHAMYOvSHfzqBt"
    "a66Hkord4wXa6+J24hadLSJlc+TeCr3ZhWNTN+j+kf3n+tpg0bVGr6//1QaPFqIUMl8Xu9"
    "G4zb4hw1rDtrcjGCTT0jXxPbalf8QVvsLcEeex541mQ4Bsz4o4lg5d0sBy6Nw7M2BBU3sC"
    "ELNey0IMVgv7DEqAZv0FHhGds6/Bvh7rGdfX/EOYxRXr0JRfWMC6DUW6W5L/AmS0Q3mW/Q"
    "jhklX9U1ivhp8A+z3AR9/7vRNoIFe6BUw21HPfdsKGLnXctvUQUnedKC5D1nm4wVwGnxfc"
    "f6faPJvIiNqoTaAcm0De5FsU4jK37CVK3lYJH6RZd4Wi46C8HJFxo3btVwt7urP3sbNIue"
    "5xvUpovUetin/+smALtM77o9PB6GMH+PZXuD/6v8v+Zf+0E/hixhU+ZRN3BxgEM6frQ3cw"
    "5G9vNWRCYys29W2ewZNcUCJj521K8OK5XwXX/JVVA9f7mqzv+SSlLORYLKlgQGby41GTxh"
    "xPPDx48+7N+6O3b0IyPHyyjgNPk7HByN4mV2jcVOWSlHng8Bl7m4lxZabaV+b2dc8CQ8si"
    "guwiG04Qh1bNS/V0nOvasuM115Ydp68tk4ZDlwz6BlLociJcdwb9cmkScfoc/017HWfurM"
    "qUmpNVadEUf1uLeK7B/O09g3RbriWwlZnDbZ1/Gk/HHbCcE0qu8JfxoNfvgAeC/N9T0L3J"
    "Qz1mE49pGRrBFOLix9+SdjK3gDQsuj3XDo/fFoF5ZVEVwE26A8VGfws6cfYhfr94k6STpZ"
    "FEj8iggkNVmWCG5bdCUzKnu2ww5yximQu8mkw0VwYKzjSchmN5cY5IUJqJacJKAStQQstC"
    "c8g2u5aTzMELY4tntY6bKVhlpo8khbiizNZ+zywB5qZnt46PYblOp5rQoi3RiVT3RXsdM4"
    "cJDc+fzrSwfJUs3e+ivppMxxLJGqJkmYrWk3T2aDCtxwUYJmuJImxH1EYRSirVT51Eg47F"
    "YNMzjlNvZrIj5jL3/NZw/LUDTPJ4hUfjyVl3yCoh1kIzr/Dl5GN/NO0A95fQbajt8pWBKr"
    "mbSu72nDBXMONDw1nCookb4lbN0/wc5tL8HK7R/BymNT8MMpNHNqLkDGtIxqiR0p6mtKe2"
    "rpkZ1Ey23xK32sl7kawf79tNMeEDNAv057C86srJrozhNzpb9cwt4ltxDUp0K7PoVtPv2S"
    "sTGndbURoCc9XeMrc3q4qYD1u1dcJUtbPM7RwbmDdPhVPYi6yVzlttL1cMr9oHlWEfNDH8"
    "S0A753aonNPERpDF02UMZ/ZVwOhyOFy3KZqkRURZFH3DD58nMDOCjG53nro1NaiDx8PvB4"
    "hFJ2kLw9R/gLWUSeZCKbqpvSNYo0hVTYKrcj2CPw6zVAmrYZpTm2CsDHKlyHa1DEDj+a9C"
    "8vT6GvB527D5tdbAwRSZ7D38tkRsUXZzZP0MvJYDS2jFbs4Wp9Ku4kM23jzoz7acDFaXDy"
    "qlRD0mogYrJQru5eyyiSNdq1a/i7OaOIuOqbhlA8dUTcZQPvqGr6RFSZuIjSITFFejuBq5"
    "IK6IqwlEyjtiHIqjGwpudHaUKZNEhH7ICg5DciJnbAjD8iq7hAquVHBVE8dQZZfgP2XSZz"
    "CfdoDfS6/waf/08nw46HmPXWLJk6Sxd302dQ+9F77uJPJ0MB7N+r9+6l5eRAu4E+S3uebY"
    "btlu7/No/HXYP/3Iy0SJ/Cs86V+Mh1/482Drm3+b4eBLf/Lb7LTfdb+OiR6g9cR+oBZ9O+"
    "lPJ4N+tIAF+d1GW6UYLV/dqm6rb2TUqNRw5Z3Jh1RDAizXHEYJLdRxlNiAKUPnyZxYUvSc"
    "edRGSVe+14hf2mcSH0UvSQqvopcUvSTL7FACu5RazUoAtemqqtX6XVhLVSVlx8JtjKHZI/"
    "gW3bUErF28QDs3cad7dhyawHCjuOMTeQQajukmWLiq6XNouxeaw28UWlgzgV/5z+D62oaU"
    "uYh39vU1mBP2i71bzixoQEwR+5i0uqOyT8kr7/DrVRIPxULWZFluMAvpLI0tWz1uqVpdll"
    "YX0EspGWkwBaeaPB/9HDGXmoEejGbd8/MOQHjGlu0r/LXfG591wCPUyeIK8/ulpt3h5w7g"
    "F0xRzbx3S3zqTt0ic41e4f5ZdzDsALjw+aDnTxwBMQdRsCKuvRc+YrXHy+GDdbK2l8MHfk"
    "8R8jBqo+jD0ulDRc8oekb2cFfyG09O/Y3MliDeDd+1C5xfiJiUKlP5Pf5B68NHcfLF8MrL"
    "SJCi0i6qSFPSGaamMYeKNF9iq6tIs9GR5ku+bJqLvn5zH3Gx15P7zFeERaRgnorME49xzd"
    "jF58H5OX9v36PlcjuFWPntqG4pLllQZEMLFUq9tzJQYKZylRE6u4G3LJIs6hbELRvoFtTX"
    "DRDoGdWNwCI5cK5zpUdrzpUepc+VuqD5M/gW3rbAXOUHk3lohc7INjeqJ2xVS8vc0oE0o2"
    "Aq64RZ86bRSo7nC6jHvMSgwFRtNKh9HLWPIxfE1chscSKv1o5QNzRNVxJqwZQp1ZYZuoM2"
    "nTi4JdozC1+282+auTYzyzfaqA0dYxiTbP5ggwWxMIMeeFUBcuvKN02iaybg/loH2PocGo"
    "4JDfZGZ5U+ztlj5u4BOofAfoRwmZaHVvlBeRWibtUzXrUSiaqtu5rMdDXdxMmzdRcZj8JW"
    "zyASYlbrWryGrb2mdXmLpRhjXOSO7aC4YouTbPEtYkvFfKsJKGGqmA6ZmQ4VHaroUPaQRX"
    "KVXyxwFEQtycAyX+CSK1opKPKLnri0oI6WiK1/QSjg5rVIa/2S5aLyvjZIv+fOmdL+7Wem"
    "UQGECiBUNpuKPGA3qip0ZezKQmYJ3ZZbP+XLpSiixfANDRoIbyU7azfEEOQVn8JvGbNBUL"
    "4R+K6b1fu/TmMTeuq8VDipD8ejj0Hx5CGqONhL5h0W6c1B+ebtElcitgn8yoLOTMRMEREy"
    "ExFyZ9eSpVnVvr8s8Cbj3rzYJu0UsIoyk0RQIWHeMinBLZa4LBzwJSCbM3lZXYFNzo1FWd"
    "6UVFd4eqTI3X3RU9oNAb3Se/uiXPc5MZEuPPsuKNXOLehZrgw2inm6OCmx8WG2O0HWNdu9"
    "Qs+xWOvqT23wl4MgBXPiWHbbFdXENTlpGU81H6GukpDAK2krel3R6+pofaNbXcBNZB2tL5"
    "ScKmqjklOtJ1u3SE7lrqEz5i6LApZszjVh1jzq9TgH8XqcSbseJ0lXDy+YdX/OOpDhDhfn"
    "vCSIfX36dtkG08Yq6WD+pIM+esGCm7d/J8z2mHXj9fvO69dVTeGV9nJ5yejN4Uo9GNMi2r"
    "e87OoYwylhf+yJW5WhKSoSI5ZHqljwFlqQt8MmYmVVsp2fXIkb5TottYSW7RIf+pwgHdo8"
    "j/2IYHh9DbwfyI1NwLEAlLiMR4Ix8Sgd8RGpUmtXtIoEU1db0SovKMBWtMpLbHVFq9SYVn"
    "G3JmY2FIzGtdGowHqP4Wj4pLbxqCK1FKnVDIjlDffl2JTfUXvm2LDoxa4RE8WeKL2ZHKxI"
    "bprK8XVPO9FT24qnZOjjGxsgMr6rpqO60EL6vCWgn/w37XV0k7YqU+rp1l14nMzjccIJU3"
    "A2zm8RaXtROWfjsmmbB2jZwvky26GKmDTiuFHiONdxHo+Klco+znWc8qr4oCqAsF+8gege"
    "5DpgdLDmgNFB+oAR+0QqVOmuYSNWJvsnI57HsSqNdthpA2vXxez7/wNRqO5H"
)
