from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "onboarding_test" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "version" INT NOT NULL,
    "title" VARCHAR(60) NOT NULL,
    "bank" JSONB NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "created_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onboarding__organis_e0fd3e" UNIQUE ("organisation_id", "key", "version")
);
CREATE INDEX IF NOT EXISTS "idx_onboarding__organis_35eb52" ON "onboarding_test" ("organisation_id", "key", "status");
COMMENT ON COLUMN "onboarding_test"."status" IS 'ACTIVE: ACTIVE\nRETIRED: RETIRED';
COMMENT ON TABLE "onboarding_test" IS 'One version of a question bank (``quiz.parse_bank``); attempts keep their version.';
        CREATE TABLE IF NOT EXISTS "onboarding_track" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "version" INT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "definition" JSONB NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "created_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onboarding__organis_f498b5" UNIQUE ("organisation_id", "key", "version")
);
CREATE INDEX IF NOT EXISTS "idx_onboarding__organis_d961c8" ON "onboarding_track" ("organisation_id", "status");
COMMENT ON COLUMN "onboarding_track"."status" IS 'ACTIVE: ACTIVE\nRETIRED: RETIRED';
COMMENT ON TABLE "onboarding_track" IS 'One version of a track: the levels, as validated JSON (``definitions.parse_track``).';
        CREATE TABLE IF NOT EXISTS "onboarding_enrolment" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hired_on" DATE NOT NULL,
    "counts_from" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "level" SMALLINT NOT NULL,
    "level_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "mentor_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "track_id" UUID NOT NULL REFERENCES "onboarding_track" ("id") ON DELETE RESTRICT,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_onboarding__organis_0a4829" ON "onboarding_enrolment" ("organisation_id", "status");
COMMENT ON COLUMN "onboarding_enrolment"."status" IS 'ACTIVE: ACTIVE\nCOMPLETED: COMPLETED\nWITHDRAWN: WITHDRAWN';
COMMENT ON TABLE "onboarding_enrolment" IS 'A hire on a track version: where they stand, who mentors them.';
        CREATE TABLE IF NOT EXISTS "onboarding_hold" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "number" SMALLINT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "released_at" TIMESTAMPTZ,
    "by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "enrolment_id" UUID NOT NULL REFERENCES "onboarding_enrolment" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "released_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_onboarding__enrolme_e781b6" ON "onboarding_hold" ("enrolment_id", "released_at");
COMMENT ON TABLE "onboarding_hold" IS 'A manager holds a level back (the engine will not unlock it) until they release it.';
        CREATE TABLE IF NOT EXISTS "onboarding_unlock" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "number" SMALLINT NOT NULL,
    "level_key" VARCHAR(32) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "manual" BOOL NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "grants" JSONB NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoke_reason" VARCHAR(300) NOT NULL,
    "by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "enrolment_id" UUID NOT NULL REFERENCES "onboarding_enrolment" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "revoked_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_onboarding__enrolme_18ed7d" UNIQUE ("enrolment_id", "number")
);
COMMENT ON TABLE "onboarding_unlock" IS 'A level reached: by the engine or by a manager; revoked levels keep their row.';
        CREATE TABLE IF NOT EXISTS "onboarding_attempt" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "test_key" VARCHAR(32) NOT NULL,
    "number" SMALLINT NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "drawn" JSONB NOT NULL,
    "pass_score" SMALLINT NOT NULL,
    "submitted_at" TIMESTAMPTZ,
    "answers" JSONB,
    "score" SMALLINT,
    "passed" BOOL,
    "results" JSONB NOT NULL,
    "enrolment_id" UUID NOT NULL REFERENCES "onboarding_enrolment" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "test_id" UUID NOT NULL REFERENCES "onboarding_test" ("id") ON DELETE RESTRICT,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onboarding__enrolme_22a57a" UNIQUE ("enrolment_id", "test_key", "number")
);
COMMENT ON TABLE "onboarding_attempt" IS 'One attempt at a test: the questions drawn for it, then the answers and the grade.';
        CREATE TABLE IF NOT EXISTS "onboarding_drill" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "benchmark" JSONB NOT NULL,
    "path" JSONB,
    "similarity" SMALLINT,
    "differences" JSONB NOT NULL,
    "advice" JSONB NOT NULL,
    "submitted_at" TIMESTAMPTZ,
    "lead_id" UUID NOT NULL REFERENCES "lead" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_onboarding__user_id_16644d" ON "onboarding_drill" ("user_id", "started_at");
COMMENT ON TABLE "onboarding_drill" IS 'A hire replays a won lead: the benchmark path, their path, the differences.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "onboarding_attempt";
        DROP TABLE IF EXISTS "onboarding_hold";
        DROP TABLE IF EXISTS "onboarding_unlock";
        DROP TABLE IF EXISTS "onboarding_drill";
        DROP TABLE IF EXISTS "onboarding_enrolment";
        DROP TABLE IF EXISTS "onboarding_track";
        DROP TABLE IF EXISTS "onboarding_test";"""


MODELS_STATE = (
    "eJztfWtz2ziW9l9B+cukq9TZ2E7SGfVbb5UsK46mZckjy0n3jqZoWoItjilQw4sdz27/9w"
    "XAOwlKJEXKIHOquiOaxAGlB7eD51zwP0drY4l16+3EfFCJZqm2ZpCjLvqfI6KuMb0QPu+g"
    "I3WzCZ+yG7Z6p3MBI1nyzrJNdWHTZ/eqbmF6a4mthaltvHcRR9fZTWNBC2rkIbzlEO3fDl"
    "Zs4wHbK2zSB//4J72tkSX+ji3/z82jcq9hfRn72tqSvZvfV+yXDb93czM8/8xLstfdKQtD"
    "d9YkLL15sVcGCYo7jrZ8y2TYswdMsKnaeBn5Gexber/av+V+Y3rDNh0cfNVleGOJ71VHZ2"
    "Ac/b97hywYBoi/if3z/v97Xy1STFHGk5lyPZgpylEB7BYGYbhrxGZA/c+fbr0hIPzuEXtB"
    "/0tv+ub0408cAsOyH0z+kMN19CcXVG3VFeWghygvTMwwUVQ7jfY5fWJrayxGPC6ZQH7pib"
    "71L8q0gH8jbIKw+/ng+vDVAPgR/YHLCdFfvLbf0gCz4eXgeta7vGKvW1vWv3WOX282YE9O"
    "+N2XxN03bnsZdGS5wy6oBH0bzr4g9if678l4kGzVoNzsv4/Yd1Id21CI8ayoy0g39e/6qN"
    "GSYas7m2XJVo9LQqvL0uo+RpFm97592Or8M9Xe/ZVqitvaL59oZYpWE9t1rX5XdEwe7BX9"
    "8+Tduy0N+7U35VMqLZVorbH36MR99mcMX0t3Horg65evBt/d69XB0P34Pge4H99nYssexa"
    "Flk4nyH4MU6r8xocN14qOepan/db1SycNK1epSB+pGXDcWql4I7lDigFj/Z/Vzf3wYjI8/"
    "5sD4ODm/hxizR3/+yfTd+8eILsZu3KmLx2fVXCqxJ5Huj9W1lW6LM0/s829TrAfqegJ9T/"
    "2f0SoaOG3/6fcy/65oYXMsbO4Jzw2toq3w0Kc23b7tiVDfraW1IDmWbaz37kd9r5q2w6TQ"
    "/x9wRWBdsrraipil2fvidE2raCs8dMOyUixsWbTyPWHq0aqu3ZraipZGnjSbw7AnVsOgor"
    "ZCtcHmWuOdQXkwVbLv8ncVVHfBamsras94sVJt5Y5+R1rXnph945WduXW1FTHVWWq2ggmt"
    "at95vseqGtCaXtoN1hM2tXttUcU8xiH7GqmvrcgZjn1nfN8PrAmv45IukWoufctjkBqFk7"
    "PRDXW5726QV9LWrqTq2Nx3OeyxOloNEH330tnsPaWzqs55Te1GCz/hvXUsDtaAVdRWrKg+"
    "RAjWWal7bV/1qu9W1ud1tRUx+ks1pi/sOxDP3Xpaq1kttQds2Yrp7KtRnfOKpk5rNSli2F"
    "Vpn+NIVT8CXMrGxPfYxGSx73CMIncVVNpWDDcrwzaUlWqt9sXtitX0hVbUVqhMvDBMxhco"
    "j/hlT7Cmfl2/4dbO+9G9tLIxdG2x91IZ3U5fsRpf6J02s6pPmqXtq7t+ZXW0GiCFkzdVwM"
    "RJm3Zjda9933sYsoo+a9/bDRRfGqtAiq+M7cYqWBurwCtYHNuKmY735gFHuL0sIINHUS1L"
    "eyDr/akbhlQvqKzVmHkcTgWAeQROq9GqghdkWLWaFuRIaeuNsTcvz6Aa8orajRWx1cd9FS"
    "yOFa+o1VhVsylkYP0Qm0ETb5QKTIhTvBm12IbIULJVXd+7X1GcZrSe1vIzpuHYjM3amMa9"
    "pu+NllvblVtZ2zEzHR0rFt53TfRAm9LarnFr10WD3Bmqy5xiYhp6BUr9wK/nB8DMxta+cE"
    "2C2ma0sh8BM5OiUx1orLY2ocYie4wTIyvWJ/4o6SO38qgHMbITgmcG/SengxzdaGrkSz4y"
    "o4lOX3EbJddSq8AuZqQMam0Jfqwvrk/Wid65Von6wL8lq44JR+PHBGkl/Liy7HQStl9iVx"
    "qJox4iVBwZ98he0Y9IGoq/WIhVQ785xr+i29uNaq9ub5Gu0UmbF1aZSdo2TOsvSFta9M8l"
    "0ugj45m8PUrgVONrBOku/pFKp8EB/CekwYA0GI1Y3hqaEAHSYPyIre5jBGkwstq1/jQYj/"
    "SnifEdEGfNMR7S76R6/l4xrH3ZA2YQ8NWTAmgfTQcXw8m4i0z8QO/MyWzQu+yioKZXSSwQ"
    "8zejekuRLu6Xrwv210tFcvzuJE9qDFYsG1/+MI5wVKlTiuloAtEqFTY59hul9LNoBzYxsQ"
    "sCGxPaA1I5d3AlEE3lGhH33zTGnw0Taw/kN/ySmq4zWJxEdc3stKlNMr1tqs/Brkw0dOkF"
    "RQDb7gzbu+73zgdHgr5cAcg5U7jI2X13YhsbvTFUp1Tjmw77s6M/8+TKWaw0fUmr2o+WbB"
    "fWsf64xuu7Q+XLaQo+hajagswZh0rAnPkQZjNn9Ini+KUgCSuwT8A+NYSHAPbpR2z1POwT"
    "m8+LMlBRGUgWmtidp1NXLjVro6svSlGYk3ItJPyOcxF+x1sIv+M04WcaWYlCdxN+vqzMWN"
    "MNyBXj+jZzctkb9y4G0y5ytT1zTs6H00F/NqG3lpqJF7ZhslLT3+hEM75g5cxHzLyPaMnB"
    "aPh1MP2DlvRi0efk83DcG/cH9HtqhOEzJ73zy+G4i9TlWiOykImW9WxQLXjlhZ3mZxUTgq"
    "UaWbItRIJA//AhD4H+4UM2gc6eJQBfFUx0HAi0D+DTkxz4np5kwssexdHFa1XTi6AbCLQP"
    "3ZMPeRZfWmpL900tvys6DypM+RSrtWKQY0LbNNrmQb4FYaaQJtCjX9KxMnLJ/e16Ms7Yec"
    "ekkvhpCxv9L/diqc2KFu7C7xxNpwue9Za97zU24gyl2GbA761vLnu/JztyfzQ5S2r5rIKz"
    "ZDp0lTw4qjDjbXarxISgUSpvFLotetIWmM5nTzhjSt+tgaYqOaDtmX2lpWouCzbI0d9uxk"
    "Omcv6Lvo4pnHRPOj7vTc+7yK+R3hu4ZSzMysihSsKhAvVjrFmKSgf9kwDmM4PutlSSsYRE"
    "5RJg31HButD2mYfDzkdnk8koNh+dDWcJjG8uzwYUew49LaS5xqjheJZasZXQJ74o6EnZAw"
    "If3Gks8t4mvKCbQFwK/ATAseWA8DIfsYKwRkRq7ayHpIDBp0Uav4tSPi2+q6MsHi2v0Hd3"
    "AhsZtzFA6fvR+GY0OhKtZRWA2i7XjCSq8dU7A9g8fkImriDdRruwjnXIwx+I1GSUXuU8pC"
    "YCBuf9wHk/9eTYhfN+SqAG5/3AASPVz/GLR2I863j5wJzUDnjaSCMXxNc5PqOJUEHm/sKq"
    "Ft08LhXJcoQ3setBivACKcLpV1hoS7wlfw2kCg8xg1Thu3fZ6sZ22Ex2uJzOTZykAJ0iCa"
    "+VtboUGcnrzHrdBtwAsnyQHTrzdWOBgsTXubAysWXoT/g1kl83tmu9Xu7rxkIGua9zwQTJ"
    "r3MRgbb2xENVXyuVcxOH4Wunv24iZkyZxPsOxyL5rpsIEstxrai2jdebfTsVy3Ddc2tq6+"
    "T1rOqP9ooOxofVvnaxsKZzU9NbdeBPocwpO0+Vzca5ZNbmIkfLNnFIJ46XqAK/wmdMNBE3"
    "HJ3q90WsjetGwSRHfYPuJXl2olSeI/9RZ1uqo0WkUJ2ZjtLpuN3gaVos/ciN/P0nZEc6gI"
    "s8ZEf6cfLkQHakH7HVfYwgN3dWu9afqsfW7GLxt4HAAcNv61qeDoBvw3Kf3zmWRrBlFUT8"
    "6OzmejgeXF93kV8Dy4He/zIe9nsjlgh9sSJ0B6anExwdlWmp6lMaQYYdyLBzEHRrybDjOW"
    "2Lth/ZIMeE2gd09WkEg9CeYtu8hFi9EdDNiNmF+HIIiZYI4npCoheRQMc9YS4QMynnHLET"
    "4cQkKUY3TxQvuDweMpV90DFFNG+k027heaOlDkv0uucuinhe45m2vPjRwlhvVPKiPOIXII"
    "KBCJZ1ZWsoJQhE8I/Y6kAEF6MQ6jik0UsYKzgmOxvjqEzr6ODq+QNL+0+hLuyXbx201TOM"
    "tibaZ+Wj2X3ZA8J8VpRf73VRb07OuuhsTvpd1C/FmuchzbM58xQbptmFJgu/fOt6c/UTxU"
    "Z9Yc5DirpYGI7II2nbEQspUaB28yNuY3MtYA924x0Itg/tWtQNYtgi5+wZ/m5n6HO+QAvm"
    "j21q+eD3WUwjT6VFD7Ty0WR84RdP5kpPTNURzqLIjB0XawHwB+jYPO0bD8kziqYhTklCKm"
    "IwFR0SXsZ6FsU1IgPdFUxvcpjeXP5+f4zblc01BW1k7OZJSByuTxVA2740sEl40+v5HsmJ"
    "vXCIffPJhkEVLZkuRD303jQEucghR3EcJ0sxnC3BTnWkJ25up7IUTbBmA1YJrCxNuKsvgt"
    "O1lutIv0bCAzkDpclX1hh4DuG9485JW1x4gklrtx+Pm/eel93lzXM0W2Fk4oVhLpFxj1SC"
    "8PcNS89jI15JFz2vVBs9qxa6N/QlXiKmS/GbHXT3Qi+MdYeKLd1ya+MJL98mLSO1vWS3xx"
    "F4B4F3kJyzTUP9RPJ4B1lE3VgrQ9Dm2ceyRmUOfyrr6/BYtZy/ymfHIsgHAgD7HrDT0WyJ"
    "OMVs004o0UL/qNNcdp3TLXad07Rdp/gq0trVoyGrhcCrML1c+CRdKUsdmJFEZiQPnbuXcq"
    "gGcmBOAuvnAeG1HPNJezKKGkATYgArGEElMYL6PfOwxrqmQpwYx7vhdZcrALeIKbQQtFQT"
    "qADddpvwkzpTYQtznfQyN+UIWGXfxJNNJlt+iToDQoGeBXpWzmm1xfQsBG+2rdUFNAsEbx"
    "7Y6Zy2hOllbcsLcUSkhSjXQgFDxFtt8VfMq8N2RKevfdYNNSMkKCqUwPieSTWwF2/B9Xxy"
    "czYaoKvpoD+8HnpWpGCS5w/ZLXrDVbuPpoPeKAmzQR5K4ByVAqDzAE3VEEfgg5ovIDkQln"
    "liPvp2cf3pfRfxjzm56P/t3UkX8Y+jElPKpxwzyqfMCeVTcj4x1aXmWIqgCYYko5dHRRLA"
    "a7kS+cvWxY+4T9fPJ8fvf3n/6fTj+08d5mDHVBD/zi9bQB+OZ5D+EKw6Us7QYH5ogPkB0h"
    "++RvpDcDE/sA91z7FX13Qj7X7XFNcdfdzZRnmrtKBiRUru9J6eEIx040EjXaTSMmtNf2Ee"
    "zia+p9PhCtnGIybWr/TvJ+ORwoY0mxW3kL3CaImftAVGhmMj1UYGHX1px+ka6gdSXoLlsQ"
    "Ok/A9Ez+Yh5dd0NBqFcseHEjLvUUvSW9UfL4G/bzTaXCWGVVyyhcOqIcMolzMpXwpLzZ5x"
    "yQqaWU5/hla1chmv+6Rk+7KFVZ/bERiSWgkoxypM6UVEAE4gnCQhnBzrkDl/mgptZOyWZ5"
    "k8DkBxOYD92KapW9eMVdUi3GslnYbkSbNVO4NzijztbKOctHi5nYRTjyB1udbIXywUiqJ7"
    "w0QqYt0K2Qa6o83AGCDNRN9wn0XMe5lof0UWhVHHrGSaa6q2aqCZJFgUO0AzAc0UtwjRKU"
    "hZqdaqyJ4pJlQN2bR7jB1st1S9JxVQTWXmMpmGUi4Sgi51pZyoLSCZGtG+/jpXOIo6JQhh"
    "1EAnHRBeoJOATjowxEAnSUwniRe1wwEr5xq22yEsuYxLFdl7hc21xl2VLkyV/4YUCZUs0t"
    "nGRG2CwspDUHo3H4VCOcTl8JIRRQbBLml0h1+MgDMyDZ3W8aTqGkvxaGlLjFTEFF30TPuC"
    "8SwgpaqvP88xtf7EE74cDpoFvkrWhaLFfFVkAKZafcuJYDGpFrpHVc9Z8UkzI23/9uEVl2"
    "zh8GrIcMrFabiN5RBb08u1cyAK3JXM7dyMdKSHOuu2jkh0cDT8EcaRt+UozgGnBIEDBg74"
    "gPD6k0zhjpsShI4L7Dqw63JTlcCuy8Guh6s+sOs7cE0pSDmOvwzXJoB3B7ypZVwq40XM4V"
    "hguUg6JGebLWJu0HltFrH46Q6ybNp3lsgg+gtSLaTZFrr+0vv55MPHX5mRYcmDpzvMxkCo"
    "6EZXF6JDrqqrFnxnJdBROmCLAFtEbPXhw7qw82xcCrxnd1oiwHu2zGwm02AC71lo3yMvj0"
    "7Ro1xiUkCWbCdLIrmK9twMJXIkNRPc3QeMxHpX0djLOjdE3/BipdpnFD/3d6Z2RPECnW1b"
    "omdeVLmLlK30DId/sHd7EG4woVf0p4U+U+7Df8KOBXYsjZg8WrxjCcZp3s1KIAA+Uzl2Kt"
    "7sVwDfUKKFAB+f5MkgTUtlZ+06SWWRpj/VKAhyRKR9uX1qARls8WAxlhtOsBiDxbgp0O6R"
    "3qfOLWbPWWo2XTU18oUqvEfCRMmxEp3tuZJpWWXBCisrv/RO09tshZGuWjbSNfLIMhmrBE"
    "V74l8sxKvsIN1YPOIlel5pOkb0a2C+me3yzMa8CCL4CZssP82jlTbG1fkiMM9JsCB0YLML"
    "m93Y4sSGu2Lhf6fb/Ex7yDxyJip1uCNn3tXVvO55M389OTk9/eXk3enHTx/e//LLh0/vgo"
    "Nn0o+2nUBzNrxgh9DEmjR9Kg3HsKhdNCbUwt1wDXSDtLu0V7VHV7ipKKKY5d2ATAieGfSf"
    "A20/ZGiKvTcfU7oWTIf9WUJV3l/9HRDbfMlUfd2nOdReHBTMdUKIiReGuaRKpsoVq7fo9p"
    "ZNfLe3aGFQ1dJCTMF8QQbTJpE7aKm+yoPa0cbET5rh0DLsnVRtZZLig0LqeY3QAJTs8mwB"
    "BYsPKMENWajbqwQX1n8PrvrW2a6vov0WH2CtHVgNGUi5/JfoImoUZe2jMhA292cSz4JZPE"
    "IJ2B7m2B5azt2/8MJ2USoAc1KufeH/lR+H4kNWzC4dl2odzNX3aKbbpgH+2/VkLAbYL59c"
    "WbWFjf4X6ZpVm1IT2TDcOZpua8R6y177GnsGhk9skfUhfnPZ+z2Jfn80OUtO3qyCs0RTsP"
    "1hYYovJgRzeI4eXxRhALcV/GljFTxwy5CDGT2sE8FXbGr32iLz8Jt0oc5uTvUpWT6XMwHt"
    "jrSdmIGfZQQ1HcIuQ9O9Wyk2xQ4CRYTB6C/BdNMBvhP4zkRGCIqwZSuPWJASYluyu5hYJW"
    "7CdVje+DT1L+OOzkqqjUyVIM3uiM+KfzXn4cUKMw8qbhTTsOgkui30s0AYqOjSVLTxKEDf"
    "MHSskgy99lGA+B2VaCDk29CbTEaxCe1smMByfHN5NqBdn3d8WkizMyDemAb9+WtBN8/mJa"
    "IycnAT7H2t4SbuNaoxr0ot/QnRFq79DVnrc5lkYAMPG/imb+BfOQhg4th3xvdLbFkq11BS"
    "e/d4gc62fbvBiyrrSNkcubcCbXbtWDbfdL+hf9zeLunuWrVvb3/qoGdTs21MdV3Cd+MW/Y"
    "YUa5VYrkXQT6a1UMXn2Fb+ijmZE6aIs73nnWphpFmulOGYC8xJA9OxV27MgIl19QVhQnst"
    "3WLQWug7bAOp5r/Rs2av6NegX4/2jNtb9hIqMacd2mYHFtBuY2sLXpL9Am3ZCdyzrGeMN7"
    "Tqn4N6VfKC6O9BHvru753ipcZdt5BOh3ru007o0LUd3rYuQnDWCXAZss7DLeYy2LzAr1Nt"
    "nk1kRGXACJTDCOROvkUhrtJkL1Hytlr4INV8KLQ79svLsTNuldU+XNjTnX1AnHVKdY/7qw"
    "TSB/RV8eIvC7bA0dVgfD4cX3SRJz8ng/HfbwY3g/Our4st5+ScTtxdtDQIVbo+94Yj9vRe"
    "1XS8LMWmfswzeJILSmTsfEw5vLjqV8E1P5Rq4XrfkPU9n0sp3XKsN7ZgQGby41GR1oQnnh"
    "y//+X9p9OP7wMyPLizjQNPk7H+yC6TKzQuCrkkZR44bMYuMzGGYtC+MrcvjwXGpmkIsovs"
    "iCAOpNqX6ulDrmPLPmw5tuxD+tgyaTh0yaBvIYUuJ8JNZ9BvNrohTp/jPels48ydsEylOV"
    "nBFw3420bs51rM3z5SSMtyLb6szBzu0dWXyWzSRZuVYRtz8nUy7A+66MnQFnhOZr2zEf3L"
    "nehKKDt5iMhsGjLtlGYQG5PiwXBJOZnboyzpm0utPN6iVh6n1UprpZ58+FgE6VCiLozbdC"
    "iKpf1H0I+zo/q94m3ypayMNXrWlrYgyioTzKB8KTQl08KrBnNFtzArgZqTiWYoAHCm4Vw6"
    "prvxEXmYZmKakAJgBa7RsvAess2u1WR3cPe1xdNcx8UAVpn5JEkhrinVtdczK4C57emu42"
    "O4cLhqxAyA1aWirTeGKbKRnnnSn3+bYj3os2LIR7SmIa+oRcD/WYjWjOYEM5/wUuHb9mxY"
    "/TyVu8H9qlmafeXX1iy1IhPb6Nh/Yj8Q8CqIl5t+0vPdqQSzabTGluBWNN5ex6Z9JIqx5w"
    "8622wNxLCDiHpFDcrXaXf4h2ixTSaYiuRBAkdzMFRIugq32FDBXMroBFyIGI/KtJAUh+Rl"
    "LXaDdkwK2yIjQcRu21xEXOaefzSafOsi3Xiek/Fketkb0UoMc63qc3IzvRiMZ13Ef4ldxj"
    "xXva8zpKuEdJWvCXMNMz5eOhtcNBVNXKp9XownuczNJ1vMzSdpczOFTGc7G1G6mS1WkqgQ"
    "eNOnvOmthapncMvZektcai/tRbJ+fGg1RcdPWC/Qn4Py0JWTXZng77YS9swS+1txDRBGIH"
    "MYgbp4pI90vHwoRWkIxKG9ZW5vWpWhP5Vq64QotLPM7RwbmHcvhQ/lEElD5Ar4x9QMLzhy"
    "yODIkRj+FaCd059DzmliJ8ji6TKGM/0qaHwzGuXz6nAJjj0dOri585zX1KIOHt9+P2Gyr9"
    "8Lh2nwhBvp550LpahRe0+wxpGq2gRXndGP0XGY5ZUQDtOcvgnLUCBX0n/uy4BUltEvIE9v"
    "bxGbt5cWujdM5BBb0+lz/H2j0UWZZ/37FbkthzbYRNGlRHw4QB0v2XmWqjfbMjIYjlMFT4"
    "lmTEQt9pQoaMvZx4gjXavWb8UJJ86iYyou2cIx1ZAxlI++YStpUdImIgNkAnA1wNXIBXFN"
    "XI3vpLwnxoFzdEvBjc6OMuXGidAPWZvDgJzIuTfEQXnIlwObK9hcNUQxhHw57KdMBxTm8y"
    "7yeumcnA/Ob65Gw757mxNLrksafTagU/fIfeD5nUTuDidjZfD7l97NdbQAnyC/r1TH4mV7"
    "/d/Gk2+jwfkFKxMl8udkOriejL6y+77pm32b0fDrYPqHcj7o8a+ja0/YfKE/UI0+nQ5m0+"
    "EgWsDE7LS2UkmTq/duLeHo0dbJoiGTQ65dI3jDVZdUBNuqJsBySzBKIAHhKLEBU4WfJ1Vi"
    "jaKJMqIy4LryZ4P4pUNmIQN6SVJ4gV4CekmW2aECdim1mlUAatu9qsL1u7AvVZ2UHd1uE4"
    "L1vkHutYcjAWsXL9DJTdwtXDkGjS+407nji/GMVBLzm6DbVXWxwhYyCEb4u41NourIq/xX"
    "dHtrYZuqiA/W7S1aGfQXu+c2mniJia3R16S9O2p7S173Dq9ecPEAFrIhy3KLWUhnsyzZ6n"
    "FJaHVZWl1AL6XcSP0pONXk+ejniLjUDPRwrPSurrpIIwpdtufk26A/ueyiZ7ww1nPCTsyb"
    "9Ua/dRFLsmWr+iMv8aU340VWqj0ng8vecNRFeO3xQa+fOAITBqJgRTwzDB2rJMNjKJRKtN"
    "gdFauryfx18rBr4NlkMoqNw7PhLIHvzeXZgOLOYaeFNFcZTVOHvt5ThDyMygB9WDl9CPQM"
    "0DOyb3clP8Pp3DNkHgn2u8GzToH4hYhIpW4q/4i/aPv2UZx8MTjEN7JJoYJbN6YxOfoNlD"
    "t8T3s6pGuEHaqsM1ND9yqwQ/0RWx12qK3eoYZrZ5mWC6UPmHNvg4mfaLtI610NxqyJusiT"
    "Z35ms+kf/BZzEnvh9zxPsogLmet95jqdMV+z69+GV1fsufWobTblPMuqb0c4r71iRyQLm1"
    "qhlH2hAICZBHOhq9q6iNYdCIADUSJbXLjDKahgxSVbqGA1V6ESeJTCKfMih+xckb2nWyJ7"
    "T9ORvRw0by0ssW8RiEOGNpmHVqDWlWjspCy0tMwt7TvHFEwmnhBr3zRaS4IEAfmbV9kTiI"
    "KpByxpYEmTC+J6HJ1JIrPZnlC3NFFaEmrBlCmV0VJ7wJY9dciRyGoZPOzkN1tyGcX0hHZ6"
    "504IjjnN/sVCa8MkFHrkVoWMe+5AqxsLVUdMX+sia7HCS0fHS/pkQSt9XtHbVN1D9goj6x"
    "njTdpBt84X5fXR5VUrrGpw0wUjaENmuoaaw/IYQSPjUdjqGURCTGpbizewtbe0LmuxFPdO"
    "BANmC/NORKMEeHcKIF0qVqUmoIQoMB0yMx2wO4TdoexbFsn9LGMbR8GuJbmxzLdxybVbKe"
    "hmGY15NfFC22h0/fO3AjyzSNrbMlku6WCZfM6UM/4QNhCwgZBz3mnzBgLyCVWlAfNdVaFD"
    "e0MJmZ0RS5p+qnc8szW7GL6BQAvhrcWydmcsBZndZ/h7xmzgl28Fvttm9cHvs9iEnopYCy"
    "b10WR84RdPhrHFwd5Q7bBIb/bLt89KXIuzja9XFlRmImJARMhMRMid30yWZgW7vyzwJve9"
    "ebFNygGwQJlJ4lAhYeY4KcEtljouGPAVIJszfVxTgU3OjUVZ3pSrrjAOp8jpidE4+ZaAXu"
    "vJiVGu+8rQtYUw+4CgVCe3Q88mFNjpzNMjSRcbD2ar6+e9s/ghho5JW3fx0kH/djRso5Xh"
    "mFaHO9XEfXLSbjz1vAIO85BAK+kAvQ70OiQpaHWrC7iJrCQFhdKDRWUgPdh2srVEejC+hi"
    "pUXRZtWLI514RY+6jXDzmI1w+ZtOuHJOnq4oWzTjDaBjLe4+iiHwlizz+9XL7HtDCkfcyf"
    "9tFDz19w8/bvhNgB85e8+9R9966uKbzWXi4vGb17u9IMxrSI71tednVC8Myg/xyIW5WhKW"
    "pyRqyOVDHxPTYxa4ddxEpYspOfXIkL5YqW2mDT4sTHYmVoC2yxkwTGBsG3t8j9gUxYRwwL"
    "ZBuc8UgwJi6lIw6RqrR2oFUkmLo6QKv8QBtsoFV+xFYHWqXBtAo3TSgWFozGrbtRgfQBt6"
    "PBncbuR4HUAlKrHRDLu92Xwyi/p++ZY+GiR+tGRIA9AX8zOViR3DSV4/k97UVPlXWekqGP"
    "72yAyPium466Whm28UW1VkcCBip82NlGOm1YMWXll8vFM318//OdZjNCaIE3tqPqiMmzLD"
    "kqsmw6MJeIV9tB1oYqWYiCZaDFyiGPFro3TLSmDaP9zJsR6Ybx6GQk5anpPbu5J/FpJe+y"
    "DzI5zn50kv3oFGJzgeWSdcFpKN+Rh+V6UnVHYGg80x4yw3MDkcOF59bZtm6E7l9PTk5Pfz"
    "l5d/rx04f3v/zy4dO7IFQ3/WhbzO7Z8IJtomPtKcgg/y6NeSbgbuE2oV1dJv7jIjgeA45Z"
    "OJ4UwfEEcMzC8bQIjqeAYwaOwNXUytW4O51iuEZl6gUU6Bqga/IGsvFeWQHGXzVLs6/8yh"
    "rZh3cCHB3BMuUqm+KFYbIzzGhzHQnom9jzzjYGx/RLKo84bzQWWhiqaWF0T8WwuaFI24hK"
    "u9RKUGEXLVSy1Ngm1iVUmE/P0tnozEkJ0zrWG9XULIMIgrHqeENJ4obBAkQLEC2SLhUtJl"
    "q8CSk/zeIJtGl7cGCSBTYRdScb8RbbwslGYnKwmYDNhBybiaBnVrWhmEYrbGRfzpMeIzaa"
    "ZdpYfMVmIqUDvWNlZETOLrx1y/EUESuUBoJZdZ/cN/CdQCplQ7RmuhmgE8bKYKEFbwyqIP"
    "FDVtBSu7+nVaB701gj5uL4k9h6XNN78p7o4r0ejnOBjUhDlpkWb0Sewlktp50iItGm3Uh1"
    "xgoKkKktRWmdsoMGYkIQNRAbPFVEDej4u7YQdfPsJomI7NUgkjlVHxp5OvusjKKuwDGhPZ"
    "by5mAPWVNhw90ciGtK7slHfQUg53SjlnN22J3bMzo5xlCl3wCNb0ajV9thM5bjSLSb5g86"
    "W3fOQZGKTxQS+RfT1wvOERKUNPHGu+LBa5FDhQSF6bvp202VPLK/MK16a3H6e3G4JWZKhV"
    "uUvsl2rOQ7YXcMu2M514QW744h6r9tre5jtDXqny0PqfbODrz1y7fiTJq6j1QKV7c0vAPi"
    "rFMqXgzqUPqAOc0mV4NxwdWKy3QR+3dO6Fb5enDeRe5nkpLP0wyfcrTCp8xG+JRsA1/dKN"
    "kIEfEDtgKF8nw4vijaEF8H0+HnIYPfv5qT65vrq2F/OLm57qLwek6mg78N+jNW1r+aE++1"
    "XRR9f9FRlOewoePss4aOU0cNWQu6JypA2gblD0fZHr9ryjF6rp1OKU6FpwXhjMIkuJE9TE"
    "EVKi7ZQhWquSpTWlMOdrsFGzkqB6efydzC9xRD+lsLmbWiMnJYtdj7WmPVWuInbSFQA7Ib"
    "JJSQozlaZWQ0HHthiBI1b7H7hiLQIJU3iOosNZv+jIUmVuzybXfStUicXOuod3U1nXwddJ"
    "F34e9q/D2NBNtPDmgpbSEuCfqCzPpC3BoSb+XrtarrmduquGSpLZVk7eptqk5PfvkY7KfY"
    "H9u2UteXvdFIEFPuWDZdMYp6VCTEwOoPThWHjQ7ZFI4L2QCYYjAjhuO8aEZEAE5w+JHE4Y"
    "eO8QoQbv2JsxsRoFOqoE2HVJ8XagcVwNqPVNVSaBNKUQ582TxaAbbXXjUtxTWy2mRgmu2f"
    "ltgm7nk4Mnc867GKWgR3gpb9vu8J0hykz9r3tkLEM51UgVGFGWHkQykI3awCqYpDXeVAq3"
    "bXWXeiyvKfDaaxHU60ihoUzJHvxv1GJj8U3GU4Ef1PRbyqXxF9FybLn3nw5xsV0cbHZlhS"
    "s2hJgp+RaTwLgk0rrx0Ox5Jg79RB4Cb74zhM5nGT3dfCsrdt5UBt3QTjysJYrzERDL8Z/p"
    "6VeTQUkRn9Sqwog99n282MwcAaTcYXfvGk7TEO+VpdrDSClT3dKgXVyNwcLfWs5MpTiYDV"
    "qBRQrGBdOSS8rtpfDNeoDOTcAouAHBaBIAp0T4yDgNNGdt+d2EYHb564ar44galld2R1dB"
    "UvTF3Xzg8xjjaLHfL4213c0L1XLAczdHF1jWhxpFo8+fCG9geMTLwxmFc+0uwOetbsFb2w"
    "0LeL658/vUcUYD+3mEqWbrKwZ5XlL3bIUkQP1fEKYRB4dMA80l6YL/pbV20Ff+RX9B694v"
    "HZkZhwbNIvo3BCAgK0gXmSdPprMfPEx3KqvfPtt31ZqTfZFJ/pjO6l2cec0I1yF9F/ymyV"
    "Kz4/l5mBbEcUKP1ZN9QMpikqlID9nknJA3wVs9n55OZsNEBX00F/eD30/NuD0cMf8lUkOG"
    "97OuiNkjAb5KEEzlEpADoP0HR+d9alCWxfWOq5hKpQn953Ef+Yk4v+396ddBH/kIC3fn6w"
    "lFJzSlIQunue7s5RKzW3pCQB8FwTebCXSLhWbDn0IZRpU6bVA5/74G3digEfyADwpYFXFw"
    "uHPn5RBMvqlvklLgaTS57JRdXd9a8o1DGxklBLFmpVM9LWBuOlst4InOS2AB2TApxz4LzQ"
    "NUxsxWdcCvE5cdEWEjoNIXB8TLYyOFEOtWBDJ0ShoaVu6DvL0paFsoeEEnLkRmhV7hBI5y"
    "Jdk4CXDMQgNwVMuV2OGgIo+ByBz1FzwC3mdASx3VXEdr+is5Eb7JjlbhSEQu5yONoEBSs9"
    "1wHCvsD5phFTQYudbyzDMUXpJ3Omcg+kpTaa93uXg2mvi9zPOemNzm4uu4h/HOXrATGzeZ"
    "6E+tn59NPp9FfqyQeBdSv7tIJQoi7cD+kxnQD3fR5032fD+z6FL+MYl0oJmJOCgPZutG31"
    "EZMSq0hUDrJCyswC4+/afTk/n5Qk2NFy2NFc1Eo5+qRFAfE8nlXaks6OKaAzfU2C8m1yNa"
    "ns+IgV1h5WgvUgE85QAPAU4AlmHzD7NKXv/wiWimYERwt2RAXzz0aFDsuvSQ+os6F6VFFA"
    "Y0IAKJjSwJQmzQRbgSUt2+4TUY1Va7Vv6k9uxvlCK2pRTxbkaUxOtmnQJgTPDPpPXrtkUE"
    "0T59edHTS2uuRJi8yXd0B1O6oxJSiPwXd/I26YhzXLkBvL1LrLmGvGCoNBFwy6YNBtCDuf"
    "K4+nY7r63lqgVmQybgkpoN1Ep+BuMF6sFA5UIRI+KQjxcHk4ePom4n6vNNjZeVDjUgc82v"
    "wV1oZaEqGGACr7+YYIK5LbTWQ0HIxnXeR+zsn1YPp1MO0i93NOxnTG7qKxN2+/stPII355"
    "pnpcISNAVEYOI0CrjirFa0PMT+UbMBFxqYfJ1eR6OBuyDNr+FR0ag5vZtDeio8O9YNmCr4"
    "dUlRnzvNreZZlh89ccw+avmcPmr8lhc0/fjM2NqYnSa59pRDVfMg1oUcFEC9292C6NI0cb"
    "VTFEzrxeHwwRCurZcNyb/iFeXs4Eo+Tsj9mgB9ZL2ScusF6C9bJBeIKxDYxtr2+i6ICxrW"
    "HGNrr92dPUFhDttGVa1JXB2rZ3D81jbavOLjTCatyiEr3f2WYD0v0SdRp+/pFaQoxn4gaB"
    "0m5iO5abhDtZyHvWYUnzLFvBTywFkGqLCwen5ELSbjAzSTrfttjM5GyWJVs9LgmtLkurC0"
    "J/UufLLlYqIVgvy3BGxKVmOL8Nzq6Hs0EXPeM7dg72nJxPbv4YjrtoaTgvGpmTwe9fhmfD"
    "2XBC7+HvK+1OY7JzcvWFAq+8f/eu6x6EwS7n5NugP7lktS2MNa1rOL6Y9Ua/0dpoN7JV/X"
    "FOLofjoXI1nVxMe7TgWiOasjGNB1Ol5YeXVxOWP15bszM15oS24efPXUQxvr8vw6ge57FE"
    "HGebIo5Ttgj83cYmUXXhljw7vDIhVqpLSBaXVHdw5UJdb1S6MywCc1SmBQbR5OGB+U4P3H"
    "Z8YOr8QPpGm+rGCv+7CNIJOUA7D9q2ZuuFYA4EAN88+PKFqAi+gUD7ZuTTkxz4np5kwsse"
    "JY2+qpahEGWser5A+9A9+ZBnwaOlMvHlzxKxuJiqjWLzSTbIMaH2AV29YqGr5MFRHwrNE1"
    "GZ9k3FlWvJVPnfqOSlhFYRl2sd1Ce5Vr2TLaveSXrVo7/Loa98KYJ0VKZ1KNewGfE6pqX9"
    "p1SH9uVaB3UdWsZGN16wKFQs06c7JlPKo1u2NbDqPAoO9ypSLLvgwpcShB68swf7mJnskN"
    "cCvTgld7jYhHcN6ccmfsh0OxWDGkq0rufWsMxpdiEtwi8P0O6EdmMaS2dhK7pWkKFIyAHU"
    "O6G+c5YPWOjznH2EWijTIvXhwCeo3eGV+qQZjpmGfsupKVEhORyeWxWpQQxbMN9kR5X55V"
    "swzxw6nsyk4DyrAob0zDB0rJIsBSWQSkZaULG6QA/uHDjSYjIZxXA/GyaBvbk8G0zfHPNG"
    "CKMmBTGqC8MU9OzMGT4oD1q1EEplY/D6C8zdSTmYviufvtf/LjqfeBIwlxSYSyhmJdy7Qi"
    "lI4iyPJ1fagc8q1boWtG4jWtdWiwVY+uXlWKxaFVy5MTXDzKSQdjtNRuUPuP8YT6aXvVHB"
    "RqD7gm9dRP9hyRKYPEuXwD7n5Mvw4ksXsX/n5GZ6wRMtuJ9H+dS7GD/yKQc98imTHfmU4q"
    "E8RSA3/+SVb8F+sG7ePwzqKNP5Q2mpHYbHN9PZzZQlB3Ev5uSK6mEsQcKEdv3e9fXwYjw4"
    "7yL/ak7o7HHN7rifEgyBLUawXM10cEPYePCt6OxERViGCjo79SfjWa8/4y3gX7IsFoPza4"
    "Xe+DycXrJniRtzcj64nHQR+3dO/n4zYT7i/GNOvjFXcPrPnNAWnbFJ8HrGfL2v/37TGw0/"
    "D1l10b/KNHn1PimqZWkPZM0CrSxMwSeifD+Z7EGGNHAJya2UC1SpcJmEKKjdMqvdTxp+Lt"
    "XKMUFoY5nb2DacxapUI8cloZVlbmUTL17oa5e0+RxRqqjMNTEtCMth6kAglSyN+/sSQygu"
    "CUNI5iF0j/GSpTsou6mIykvswn90MZlQ3Z79Oyefe8NpF7F/+RZwyreA9HpIlfDRkBbzLi"
    "TY8PnwlhiFCVEYhjIPQ651KEsHl9VYIrLQ0jK3NNtElGzohCi0s8zt7CtB5Zo6LQ2tLXNr"
    "W7pasqXjktDKMreyu9IaT9ikLZZu6K3OLSlZcHMp4Obiz4flsBdIA/oF0I9neis4waWEW5"
    "hNqk2T3ELd2I6Jl8rdS8HsvWnJPRL1NWcZK5AU2cutxTJV3msPReEVCQPC4qxABaGNSQGm"
    "CUy9LJ5FQY2LQcZ5SOh/UHhZNtuiuEZkYBaA/PNFIa4n/3yQRXl/mPuRqloKcWLZyXGorr"
    "f6VwFvWFMjp4jd4MYUpRi29Cug8c1odLRF460AYpY9vR+mqG0pzCJVPw/a4Q6sAqhvrFwT"
    "RVMxTu1WcwAcpMgHaLetchE1KgNUplnsOgok9Fzd80QQNmf0gspatPbF0089VYPU4KnFIN"
    "Hb6qMoQ1dRlIa8ovaMYcHxMrExuvdRKJEBmHEoSnyIbj8eRVHjhXedlHL0bWWgB8NG9goj"
    "VkEH3b2g55W2WCHT0TFSyZL++YLe3N6yx2/D+t/i7xudInV7+9OviH4rTJY/G0R/eXuUAL"
    "yudwjOcvlHcEZM4NPPj1jZer6L56XOO23WiS3sPqsIzmqBs1rkm+IbempHnrNaSkT2vE44"
    "T53NW7EL86MmymKYz7HVl5U6pHE6ueHhce4nO885uDPw7132xjcsxtf9dIMeWQn3M7mGvY"
    "KPK8T11hbXy7SOwqmsY0IS+3SXRPljnjzWH7PTWH9MZbHmuhvJYMKz0zkkxOTI6tCqFERU"
    "W7CK5lz1Jdo3u+RK4H66JYH7aTqBe4lQ2bbqpg3RRfM7OkL45I/QyoqF6U9cFslZn5JrUe"
    "LZyvYemP6MMgMoKgfDR+bhEyR9KOwomZYEZxNhLg5cDlgMqApR5cR5MUQjIuBhBg58h4SX"
    "8xAWLurLmxCDOQDc+ORw4/MtdhU4QLUY2siCsxvSqEUTPHK2oJpQjHJ4OvnTaAXQTg3Hpj"
    "9iSmu8xg3cGuYFObHy5AA5shGALpyvC+/218t2LavbxcX3S83wb4m4re5wbllESu70bOmh"
    "Z3y3MoxHZBmOucDojcruWJqN0b1hrjtIReeG86IRpC54wit6hyD8faXdaZz9f/v27U/cOU"
    "WzLWThhYnttHNLfa8R+rckFROOZ9LHBTxVwFNFTnWnxZ4qzmZZstXjktDqsrS6gO5MOc62"
    "3pfm2+DseshyRXuL2pycT27+GI67aMlXtTkZ/P5leDacDVkS6XBZm5OrLxRy5f27d120ob"
    "8Ps8s5+TboTy5ZbQtjzXJMjy9mvdFvtDbagWxVf5yTy+F4qFxNJxfTHi241oimbEzjwVRp"
    "+eHl1WQ66yJtvTFMe05o633+3EUU4Pv75NKcx/pbfVbqR1zowE2veDVdYPfyejB3kvd5rO"
    "rvs43q71M29aL+Ooc/cv5g4B7n8lk43uKzcJz2WXA1zyIIhxKAcT6MNyZmR2NaSnGwBaLt"
    "c0I7BOgK3YJpAs/K7TpaZiVgjJZHO0sr5Wt1s2G/NdXa2f6HEZHD+x6+TrPW4mW4UNcbVX"
    "so5GcYlWmdp2Etkxsm7JcLtiBbM79FpA6Y8c3XRhub8A0s22CDld0ekNsGmyfUnLHuFQQF"
    "N1YHgqBpOYOm3Vj8DHtSEKi/w5qEn3JHSc+8yOW/WIjp9LpGcBdRefMFefkyOmiNzQf6EQ"
    "YvdxDLTN5B3C+4g+5MrC5WO0Kl63yRwJ6Uio32nTEg3hmsSPKuhQ21J+SxIrXentDvXbFT"
    "Rtnhld7VnFwOphfsjvs5J9f9CS/hftLnf2eBun/POI6Uvs07o9K/SkbzzsnX4eAb+9v9nJ"
    "PZ5Kb/hd3wLubk82Bwftbr/9ZF/hW3LlwM6NdgH/Qv9i2u2bf4PJxezxQuqky+DqbnN7SU"
    "4Oac3IzdNyrTQf+PPv9KqVtz8qU3Pp98/hzWlbjBIpjDXx5eV3EU60meTelJ9p70BILffg"
    "wqbYltVcSbZjNpoQQE8VZOr1F91SiaxzUqAw7gEAQCQSBNgheoMghXaAq0xcIV2LJUAaYt"
    "d/SOLN7SuXgPuT/WUQYj5z3t7KTktLDgbv9uggbfF1j/r/71V88frINMhyDTeGYJBr0PFf"
    "3LuPsVMUrMvcUcz7DFfLBd/ha9YX7XJmYV/CTw767tNbv5OGDggIGTcx1oMQMHfgsH8Ta0"
    "VdsRmM7yMZ2h9AHRvhqMmbtyQdB9sS7yLuZkejMe8zveBXOpHg+6iP3Lj+HmPKH7WYbSqz"
    "gRoW3Yqq7QRa1YMpyo0OHScL6ra0hUnAfH1SREjjuZkEZFANAkoNwqWgTOUADATIJp4n/h"
    "RbHeGRUBQFNpr0xTtMXN1igCgfY5eZ/k0idOtugTJ2l94l4jmlUuN19CFBy6ZbZC+Tur4q"
    "ewJgWBUwbK/pDwOhvdKGxiigkBpGAFkcQK4vbLKjj7oKKWwhsbwXlOXQzWqcNZRJqKbWpN"
    "z8A3j6s7OHNngF67M7cHWJbtKIBzl+0oLLjTdjTgHtUb9YWNTWSvVBuppqk94SXzq0Za8O"
    "ev/NAqg2DLLXWvajpe0qcY3Wvf2RVZMqOOrr7gZdp4VON7hNmBIgmSKEgae7vCMgz8k51p"
    "5fJHiunwDmxSvZs46zsquvuIrJBvNfECsy+sgIc42KfkXUFabJ9qvYc4ZJwplnEmNtMLO0"
    "aWe25crn1M4/FJHlMYLZWN9kn6XC53NU8jne0IHRGBlAJ7+Dw3z2hcYvrr9fuDK35YnX81"
    "J18GI/o3+5dNYHQ/Pj1nBYLLUhNRPqv+FqN+KhcBs1kImmfLWV+BhBwRAux9rYkQiGj4qS"
    "bJNuPFhOAEm/yG5q0JNzKNzXXm2wjuNDbhRnS3WXCLkxBt4R6nIXuaXGY9WpWhl23omCiY"
    "b2VuZ4+gKmq7jUlB5JrIlYzxegVhTQkCspLEBLYSTfAvqBXeYB0s7BqTloSuC44GcjgaRC"
    "xaFURcRo4aaWQ33m0Rj2lKOY7aOWw4a0NRzYpmFUMat7NWAGwYPtlOeFN6aJ5zuMI1qwKU"
    "2x05nF7fpYsfvjJ0bfHyFZuWi4HQFSReqLPTI2TDyytPEYGdniETgpEngIx7Fr4bXbb+Yv"
    "HsfMitGb25HvWsDno2zEfaTmhlOCb901oYrNk6LGOVIKC4ljfkOivKBwKOiwI3jmaoli12"
    "44jMSjlNMxGJwwVYNcgw86TqjsiBM9v8GEqAWX6fTP8yxOTIqZsBZSYbvEDrSEHrvEKUg5"
    "wzxJ5BDq+9eZvizYi5tgm2bP6jzraNmok3iu8bly8Pu7HBhO+RLKSiDdWJqO6/Muh3RVTV"
    "6qBHvLFZQiY3aXqYJB0xauwBi1Ou71nnnMxJnx3ty/ZokbpoTcxpH9HaeGIoL4U7emB5Md"
    "CzZq+42z/f8HFEWBiAZiF+TDCVXRrYmhNi2G/R7e0jfrm9RZrFRRza5ZG2ZEEENv5uozcG"
    "3VWyvFPsle4P2DvJFJxkyP3kTvM47J5mO+yeeg672RtA1mOUjKM2MncDcSHIuABn9Rw2mp"
    "lOQEVjmUMRgBM0UUk0UccS+cdCpG0iijkcu0VPk6pZ+5ypOqcHReqn+2yn/mkHxXYqoCOu"
    "15mGQ1sY2UaoLfL/MLqZ9dFSfelyJY2rcVTPoz1pxcpTMRbFadxphKmSxEK0nrRCWtM78h"
    "z/k5x36Gu2RHmCgugedZ0nyOh9dozR+0+7FETWDAWA9orLHOVSEurqY1bcYVZA7w4FQOcG"
    "nRt07mbBCTo36NxNgVZWnZsugPTnXZnGvcbxTWve8RLb9W+3LIu3Dwrv1MK/GM9UK2bMKs"
    "/ZgzaqaSONIK+yLtoYhs7cZrhW3GG8q7rQ7JcOonVj2qfSSnc1VUJKfwnm+G2aNPjaZCuD"
    "7fW1cTbLkq0el4RWl6XVBcGGqeO5+YydbvAtaTp8AUhGEGviKnyE3HVToPTphpqx0w5FEu"
    "1xz2Tqaonjt3XttrdAfj65ORsN0NV00B9eDz34g7HEH7JbYaj8dNAbJb2wPI2kAJcRFYFU"
    "D2k+Q31WX5R701gXXTZighCRLs8ikdYNeFMx1w1BjFmORg4koZVlbmVgJn8QZvJV7ULAS0"
    "pDnuXmJYuQaLsYzAnBM4P+UzN/KUMfr5i9rIKRnDo6vsb2UTYj6Zfo5GEkTVpYsXDe00ij"
    "MX3MMO9Vg1g1VhctTfXeZmmfLW3t6Cq/pMUIorVqT+xv14eT/0k/bLSms4ToPNIaX7RXFG"
    "Fm1mhIEw2cp6SrSUPZL4gvfA02oHnZZ4/Op73Ps4KzlSvURfxjTnr92fDrgCWjZZ9zMqU9"
    "e8qSz3oXyQUqjxtPxQeU8pWvCNEbCEDY5x6UrvcDlI2XwjS3e1pC7oDjwb+sa8aJB46c5A"
    "kcOckOHDlJdnRi2LgI0n751h1JXcsRkoGCXEJTSsoCGygzGxi2VuGQdYEoBK1DOgBIB9BQ"
    "eIF4lcEhFNIBVJ4OIGu9A4B3ACxY4QtnXIhAHyQLqOBoyV5QWXvgr/V4yQExDZ3jJTAKhA"
    "872+wBBrkz6BdhJgEck8hhE1hpJjvVEamIFX30qfsuel5h+sRe4Rd2khhZdugdA7GqDZNn"
    "eFiLmP99qysaAuh1f+DxgceXWzlpMY8Pvstta/U8vstspqdrn2Dfwdpc3N5RmW2t3cCW3u"
    "Y6S1srSUDwmPhSjpsJ0RYOmuYOkvTc2ECLnGtGK2qSSxrh+pPLq9GAHxIZXM4JA/x82vs2"
    "7qLgsox5rvooex0/ic5wuF6rup5pjw6EWhNof3ryy8fACs3+2GaAvr7sjUZpKzRHpYQ2EJ"
    "WDaU3qaW1hrDeMbSil6idkwRAlc0u7O/SCVH5MCEwkYCI5ILycdyqIa1QGAIXICTDgSUXA"
    "d6ow4PExXgXGAdk+82tsKczRWTGG75RqFdNhf3Yk0BTAeLcD1ZhutIfZjif/3tdgRzdcXw"
    "w9z7l4TenE8aWL6MbisQqUbnhNbcVJtW283uxr/51hy+65NbUJKAiya0iQXTidCUzpsbku"
    "lyl95RfOYUV3v5PpncigIk5lIfaz0BsWAYfJg0YwetZ0HRHDRu7EhDT7J8TD813DuEnRUS"
    "1Mb4tM67W8I4+9PfAp8NrRq4LzN2BxB4u7pBN6Q22veSzuxFnfiRae7daKUKpNwXNVWCxK"
    "RFO0ddQ0ZJTk4q7pBGCJeJXscKRQooWpyU9zhSSdbglJOk2HJEWVgYJjKCEKdiCZx1LhUB"
    "kIkYmpcCGSSXU6L6BJOTBUgGHtkPAG03XhqSAtCXMCmIXkMAvFAib2xDkWrtFSkJOr0G6E"
    "IaBrJ6hFIuUikyngugPX9MIj1cnEUctSFmUdGp5ykdZOWDwHbe1SyCY7+Rcvu+z84AiRbJ"
    "jshurzzr/Sck/GI166UhZ6xOwoihXWTHasr4ixrrp6YfK35ITksVzJ3G/AUwNPLefKCzw1"
    "8NSFPOsLHmoZE2ojrVl5EiswB7SSwqSahqMKYnzODIOqiSTDlT0QSrTunZcbro4GDe4ctk"
    "XPJpNRrDHPhrPEqLm5PBtM3xzzVgzP+kjPVM0wvRwoF1wthpcHUxVm7MjOKRlKwOlBsW5e"
    "RapJb/dSygwWlQQrmMxLiNtWSpnZLSEIk1yeSQ6sjmB1lBxYsDrWbHV0V8cSRseEIMwIYH"
    "MEm2MTQQab46vbHP25FGDdaXJMLDtSWRwjwavYEqacTJTo5LQ72n7hnVbHCcHR86FURJvX"
    "cokBlTyiN7e3/3a0/7zdqKaFFXbr9vanX5EfoRY1C3q1pC2P9bxi59FTXoN7THu+Q6jiMp"
    "DGEoyVci/ZLTZWFjSrgUEtv0ENTvqq+qQvW7P1QgftBAIt7LAf8zCPH7OJx49p3pEqBUVM"
    "K355OK1rDxPKD5srU8ID6+CEnGqVTeCLgdWUBmI4IeeV8c17Qk6ePFCQu+eVTm5JJoLbTq"
    "b5ueLysWlB6eJ0Gpftck9715O+g1QLPam6xs9aQEzzYhQYbQSNaKway2PCuOTtreBE97pe"
    "UielBlwacGlyz1rApQGXBlza63Np/LNAb/XLt7C7Vs+khRpAET4tLgWsGrBqOxsAWDVg1Y"
    "BVA1ZNHvahA6xaY1m1wOVwT16tje6ZtbJqUSJSwKgleMpcbJoaKZ+LT/ME6CejuugbXabL"
    "9yKz0JL2O4LuDRNpdoc9I7yASqxnutein0v+94OpLrGYTav+FbmSY7A3+aHgkCgD+LJGzU"
    "ct5sui4zK3R09EpoVURPXMGWQjqTYbCdU2zXJTVVyyhVNVQ6YmH5OtcxPXRAqRd74A8HZ7"
    "8HYb1bIUa0G3eEVnrLgkzFqJWcu5W2t2yXkrIQvJGmSeuLy9UpGpKyKy1+TVnFatx+ZQZt"
    "rab8aSDPEKJyw2nWPB3ntr2qpQqFzaKsngPFTSKot+60ITRkQEkipVPo9A0hIwlzURXk7N"
    "FDyCPBQBOKU9gbyxcIIxVwZjLiR+qTvxi/hA3roM5U3FdeehvMnFrIp5IZVYpKXgRlbyGL"
    "jTwfVsOuzPXiv3yzdVf7RXpuE8rM5NTdePBOb1VJlOThv7Miid49iJlWZiZOKNrr6wg4yf"
    "6f6F7mSXrgn8DpPFaq2aj2ij2quOl4gluEZL7f4em7QQtkRnTlRad57TkSNjKWLWgLATMK"
    "NLOo+12IwOFskyw0ymVs5F7AfTeBGmLiYElsm9LJP2qgjyfnmwqOxhUdHWmq6ami1wEdph"
    "VolJgm0l7tsQKnxFenRCDJj/yvu7unzSFgIT4hbTbSABzVH99ANOEz+IbsU2ywW59ogIcO"
    "1gaAPLUKPgBMuQDJYhsFtUbrdgy1IFkI68aloKaWTxFkP6OsaKHja1xepIYKLwnnS2GSbU"
    "sMwuc0Q2oLvJ/0Icf+YGXbgWCTbmXuvtx+3Xvy3fMy1LNqWfmfgmO0QqO/NNGyKkTj58yB"
    "EiRUtlxkjxZ4mNNx1UBRD2ircQ3eNc59kdbznP7jh9nh19oy10/8jmNSIiwFoXpDBSuu0h"
    "F7M//w+ctMH1"
)
