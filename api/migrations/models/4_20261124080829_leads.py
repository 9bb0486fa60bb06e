from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "customer_merge" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "snapshot" JSONB NOT NULL,
    "moved" JSONB NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "merged_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
    "merged_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "survivor_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "customer_merge" IS 'The record of an explicit merge: what was folded into what, by whom, and what moved.';
        CREATE TABLE IF NOT EXISTS "lead_channel" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "key" VARCHAR(40) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "secret" VARCHAR(100) NOT NULL,
    "previous_secret" VARCHAR(100),
    "previous_secret_until" TIMESTAMPTZ,
    "mapping" JSONB NOT NULL,
    "campaign" VARCHAR(100) NOT NULL,
    "enabled" BOOL NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lead_channe_organis_19638b" UNIQUE ("organisation_id", "name")
);
COMMENT ON COLUMN "lead_channel"."kind" IS 'WEBSITE: website\nDOUYIN: douyin\nEXHIBITION: exhibition\nPHONE_400: phone_400\nWECOM: wecom\nDINGTALK: dingtalk\nMINI_PROGRAM: mini_program\nIMPORT: import\nSTAFF: staff';
COMMENT ON TABLE "lead_channel" IS 'A webhook source (a website form, a Douyin account, an exhibition ...) and its secret.';
        CREATE TABLE IF NOT EXISTS "lead" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "external_id" VARCHAR(64),
    "campaign" VARCHAR(100) NOT NULL,
    "contact_name" VARCHAR(100) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "phone" VARCHAR(32),
    "email" VARCHAR(254),
    "wechat_id" VARCHAR(64),
    "language" VARCHAR(16) NOT NULL,
    "company_name" VARCHAR(200) NOT NULL,
    "industry" VARCHAR(64) NOT NULL,
    "company_size" VARCHAR(32) NOT NULL,
    "employees" INT,
    "funding_stage" VARCHAR(32) NOT NULL,
    "funding_round" INT NOT NULL,
    "region" VARCHAR(64) NOT NULL,
    "city" VARCHAR(64) NOT NULL,
    "product_line" VARCHAR(64) NOT NULL,
    "budget" BIGINT,
    "behaviour" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "renewal" BOOL NOT NULL,
    "score" INT NOT NULL,
    "score_points" JSONB NOT NULL,
    "mql" BOOL NOT NULL,
    "mql_at" TIMESTAMPTZ,
    "sql_at" TIMESTAMPTZ,
    "tags" JSONB NOT NULL,
    "priority" VARCHAR(8) NOT NULL,
    "pool" VARCHAR(32) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "stage" VARCHAR(16) NOT NULL,
    "assignment_sequence" INT NOT NULL,
    "assigned_at" TIMESTAMPTZ,
    "viewed_at" TIMESTAMPTZ,
    "touched_at" TIMESTAMPTZ,
    "recycled_count" INT NOT NULL,
    "handoff_at" TIMESTAMPTZ,
    "feedback" VARCHAR(8),
    "feedback_at" TIMESTAMPTZ,
    "touch_due_at" TIMESTAMPTZ,
    "view_due_at" TIMESTAMPTZ,
    "handoff_due_at" TIMESTAMPTZ,
    "sla_due_at" TIMESTAMPTZ,
    "touch_overdue" BOOL NOT NULL,
    "handoff_overdue" BOOL NOT NULL,
    "last_event_at" TIMESTAMPTZ NOT NULL,
    "captured_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "channel_config_id" UUID REFERENCES "lead_channel" ("id") ON DELETE SET NULL,
    "contact_id" UUID REFERENCES "contact" ("id") ON DELETE SET NULL,
    "customer_id" UUID NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "owner_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_lead_organis_810028" ON "lead" ("organisation_id", "owner_id", "status");
CREATE INDEX IF NOT EXISTS "idx_lead_organis_2f4332" ON "lead" ("organisation_id", "status", "last_event_at");
CREATE INDEX IF NOT EXISTS "idx_lead_organis_24f3de" ON "lead" ("organisation_id", "customer_id");
-- The SLA sweep reads only leads with a pending deadline (hand-written: Tortoise cannot
-- declare a partial index; api/db.py creates the same one on SQLite).
CREATE INDEX IF NOT EXISTS "idx_lead_sla_due" ON "lead" ("sla_due_at") WHERE "sla_due_at" IS NOT NULL;
COMMENT ON COLUMN "lead"."channel" IS 'WEBSITE: website\nDOUYIN: douyin\nEXHIBITION: exhibition\nPHONE_400: phone_400\nWECOM: wecom\nDINGTALK: dingtalk\nMINI_PROGRAM: mini_program\nIMPORT: import\nSTAFF: staff';
COMMENT ON COLUMN "lead"."priority" IS 'LOW: LOW\nNORMAL: NORMAL\nHIGH: HIGH\nURGENT: URGENT';
COMMENT ON COLUMN "lead"."status" IS 'NURTURE: NURTURE\nPOOL: POOL\nASSIGNED: ASSIGNED\nCLOSED: CLOSED';
COMMENT ON COLUMN "lead"."stage" IS 'NEW: NEW\nCONTACTED: CONTACTED\nNEEDS_CONFIRMED: NEEDS_CONFIRMED\nDEMO: DEMO\nQUOTE: QUOTE\nWON: WON\nLOST: LOST\nDISQUALIFIED: DISQUALIFIED';
COMMENT ON COLUMN "lead"."feedback" IS 'GOOD: GOOD\nFAIR: FAIR\nPOOR: POOR\nINVALID: INVALID';
        CREATE TABLE IF NOT EXISTS "lead_event" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "detail" JSONB NOT NULL,
    "actor_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "lead_id" UUID NOT NULL REFERENCES "lead" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_lead_event_lead_id_fa4fbb" ON "lead_event" ("lead_id", "at");
COMMENT ON COLUMN "lead_event"."kind" IS 'CAPTURED: CAPTURED\nMERGED: MERGED\nSCORED: SCORED\nMQL: MQL\nASSIGNED: ASSIGNED\nNOTIFIED: NOTIFIED\nPOOLED: POOLED\nVIEWED: VIEWED\nTOUCHED: TOUCHED\nFEEDBACK: FEEDBACK\nSTAGE: STAGE\nSQL: SQL\nFIRST_TOUCH_OVERDUE: FIRST_TOUCH_OVERDUE\nUNVIEWED_RECYCLED: UNVIEWED_RECYCLED\nHANDOFF_OVERDUE: HANDOFF_OVERDUE\nREASSIGNED: REASSIGNED\nCLOSED: CLOSED';
COMMENT ON TABLE "lead_event" IS 'The lead''s timeline: every capture, merge, assignment, view, touch, breach; append-only.';
        CREATE TABLE IF NOT EXISTS "lead_import" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "campaign" VARCHAR(100) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "total_rows" INT NOT NULL,
    "imported" INT NOT NULL,
    "merged" INT NOT NULL,
    "rejected" INT NOT NULL,
    "error" VARCHAR(200),
    "finished_at" TIMESTAMPTZ,
    "created_by_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE RESTRICT,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "upload_id" UUID NOT NULL REFERENCES "upload" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "lead_import"."status" IS 'PENDING: PENDING\nRUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED';
COMMENT ON TABLE "lead_import" IS 'An Excel/CSV import, run row by row by a job; each row becomes an intake (its report).';
        CREATE TABLE IF NOT EXISTS "lead_intake" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "delivery_key" VARCHAR(128),
    "payload" JSONB NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "errors" JSONB NOT NULL,
    "row_number" INT,
    "merged" BOOL NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "resolved_at" TIMESTAMPTZ,
    "channel_id" UUID REFERENCES "lead_channel" ("id") ON DELETE SET NULL,
    "import_run_id" UUID REFERENCES "lead_import" ("id") ON DELETE SET NULL,
    "lead_id" UUID REFERENCES "lead" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "resolved_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_lead_intake_channel_d5dd1e" UNIQUE ("channel_id", "delivery_key"),
    CONSTRAINT "uid_lead_intake_import__30b650" UNIQUE ("import_run_id", "row_number")
);
CREATE INDEX IF NOT EXISTS "idx_lead_intake_organis_532f9f" ON "lead_intake" ("organisation_id", "status", "received_at");
COMMENT ON COLUMN "lead_intake"."kind" IS 'WEBSITE: website\nDOUYIN: douyin\nEXHIBITION: exhibition\nPHONE_400: phone_400\nWECOM: wecom\nDINGTALK: dingtalk\nMINI_PROGRAM: mini_program\nIMPORT: import\nSTAFF: staff';
COMMENT ON COLUMN "lead_intake"."status" IS 'ACCEPTED: ACCEPTED\nHELD: HELD\nDISCARDED: DISCARDED';
COMMENT ON TABLE "lead_intake" IS 'Every payload that arrived, as it arrived; the ones that failed are fixed and replayed.';
        CREATE TABLE IF NOT EXISTS "lead_policy_version" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "version" INT NOT NULL,
    "values" JSONB NOT NULL,
    "created_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lead_policy_organis_6f324f" UNIQUE ("organisation_id", "version")
);
COMMENT ON TABLE "lead_policy_version" IS 'One version of an organisation''s lead policy (SLAs, working hours, scoring, MQL).';
        CREATE TABLE IF NOT EXISTS "rep_load" (
    "key" VARCHAR(36) NOT NULL PRIMARY KEY,
    "open_leads" INT NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "rep_load" IS 'The open leads a person holds now, kept by every assignment change.';
        CREATE TABLE IF NOT EXISTS "rep_tally" (
    "key" VARCHAR(48) NOT NULL PRIMARY KEY,
    "day" VARCHAR(10) NOT NULL,
    "routed" INT NOT NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_rep_tally_organis_d84dc7" ON "rep_tally" ("organisation_id", "day");
COMMENT ON TABLE "rep_tally" IS 'Leads routed to a person on one UTC day: the counts weighted round robin evens out.';
        CREATE TABLE IF NOT EXISTS "routing_profile" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "pools" JSONB NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "capacity" INT,
    "away_from" TIMESTAMPTZ,
    "away_until" TIMESTAMPTZ,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "routing_profile" IS 'How a rep takes part in routing: pools, weight, capacity, absence.';
        CREATE TABLE IF NOT EXISTS "routing_rule_set" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "version" INT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "rules" JSONB NOT NULL,
    "default_pool" VARCHAR(32) NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "activated_at" TIMESTAMPTZ,
    "activated_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "created_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_routing_rul_organis_1c860c" UNIQUE ("organisation_id", "version")
);
CREATE INDEX IF NOT EXISTS "idx_routing_rul_organis_c910c0" ON "routing_rule_set" ("organisation_id", "status");
COMMENT ON COLUMN "routing_rule_set"."status" IS 'DRAFT: DRAFT\nACTIVE: ACTIVE\nRETIRED: RETIRED';
COMMENT ON TABLE "routing_rule_set" IS 'A version of the routing rules: drafted, simulated, then activated (one active at most).';
        CREATE TABLE IF NOT EXISTS "lead_assignment" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sequence" INT NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "pool" VARCHAR(32) NOT NULL,
    "rule_name" VARCHAR(60),
    "explanation" JSONB NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "touched_at" TIMESTAMPTZ,
    "touch_seconds" INT,
    "ended_at" TIMESTAMPTZ,
    "assigned_by_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "assignee_id" UUID REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "lead_id" UUID NOT NULL REFERENCES "lead" ("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "rule_set_id" UUID REFERENCES "routing_rule_set" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_lead_assign_lead_id_ba9799" UNIQUE ("lead_id", "sequence")
);
CREATE INDEX IF NOT EXISTS "idx_lead_assign_organis_553c9c" ON "lead_assignment" ("organisation_id", "assignee_id", "at");
CREATE INDEX IF NOT EXISTS "idx_lead_assign_organis_49da49" ON "lead_assignment" ("organisation_id", "at");
COMMENT ON COLUMN "lead_assignment"."kind" IS 'ROUTED: ROUTED\nREROUTED: REROUTED\nMANUAL: MANUAL\nPOOLED: POOLED';
COMMENT ON TABLE "lead_assignment" IS 'Who got the lead, by which rule and why (``lead.assignment.explain``); append-only.';
        ALTER TABLE "customer" ADD "merged_into_id" UUID;
        ALTER TABLE "customer" ADD "company_key" VARCHAR(200) NOT NULL DEFAULT '';
        COMMENT ON COLUMN "upload"."kind" IS 'PHOTO: photo\nVOICE: voice\nTABLE: table';
        ALTER TABLE "upload" ALTER COLUMN "content_type" TYPE VARCHAR(100) USING "content_type"::VARCHAR(100);
        CREATE INDEX IF NOT EXISTS "idx_contact_organis_1db691" ON "contact" ("organisation_id", "phone");
        CREATE INDEX IF NOT EXISTS "idx_contact_organis_e8b8bd" ON "contact" ("organisation_id", "email");
        ALTER TABLE "customer" ADD CONSTRAINT "fk_customer_customer_cf735dfc" FOREIGN KEY ("merged_into_id") REFERENCES "customer" ("id") ON DELETE SET NULL;
        CREATE INDEX IF NOT EXISTS "idx_customer_organis_8c0372" ON "customer" ("organisation_id", "company_key");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_customer_organis_8c0372";
        ALTER TABLE "customer" DROP CONSTRAINT IF EXISTS "fk_customer_customer_cf735dfc";
        DROP INDEX IF EXISTS "idx_contact_organis_e8b8bd";
        DROP INDEX IF EXISTS "idx_contact_organis_1db691";
        COMMENT ON COLUMN "upload"."kind" IS 'PHOTO: photo\nVOICE: voice';
        ALTER TABLE "upload" ALTER COLUMN "content_type" TYPE VARCHAR(64) USING "content_type"::VARCHAR(64);
        ALTER TABLE "customer" DROP COLUMN "merged_into_id";
        ALTER TABLE "customer" DROP COLUMN "company_key";
        DROP TABLE IF EXISTS "rep_tally";
        DROP TABLE IF EXISTS "rep_load";
        DROP TABLE IF EXISTS "lead_intake";
        DROP TABLE IF EXISTS "lead_event";
        DROP TABLE IF EXISTS "lead_assignment";
        DROP TABLE IF EXISTS "lead_import";
        DROP TABLE IF EXISTS "lead";
        DROP TABLE IF EXISTS "routing_rule_set";
        DROP TABLE IF EXISTS "routing_profile";
        DROP TABLE IF EXISTS "lead_policy_version";
        DROP TABLE IF EXISTS "customer_merge";
        DROP TABLE IF EXISTS "lead_channel";"""


MODELS_STATE = (
    "eJztfWtz4ri29l9R5cv0VDF9Okl3T2/mrbeKEDrNDIFsQrpnzrDLcbAI3jEy40su+5z570"
    "eSL/gigw02kd2raqYhWEuGR7K01rMu+p+jpalhw347su5Votuqo5vkqI3+54ioS0zfCK+3"
    "0JG6Wq2vsg8c9c7gAmay5Z3tWOrModfmqmFj+pGG7Zmlr/x7Edcw2IfmjDbUyf36I5fof7"
    "lYccx77CywRS/8+S/6sU40/Izt4M/VgzLXsaHFvrausXvzzxXnZcU/u7npn3/mLdnt7pSZ"
    "abhLsm69enEWJgmbu66uvWUy7No9JthSHaxFfgb7lv6vDj7yvjH9wLFcHH5Vbf2Bhueqaz"
    "Awjv7f3CUzhgHid2L/vP///leLNFOU4WiiXPcminJUALuZSRjuOnEYUP/zt9fvGhD+6RG7"
    "QfdLZ/zm9OOPHALTdu4tfpHDdfQ3F1Qd1RPloK9RnlmYYaKoThrtc3rF0ZdYjHhcMoG85o"
    "u+Dd7sMgLBB+shWE+/ANwAvgoAP6I/UBsR48Uf+w0DMOlf9q4nncsrdrulbf9lcPw6kx67"
    "csI/fUl8+sYbL5M+Wd5jF3aCvvUnXxD7E/33aNhLjmrYbvLfR+w7qa5jKsR8UlQtMk2DTw"
    "PUaMv1qLsrbcdRj0vCqMsy6gFGkWH3v/161Plrary7C9USj3XQPjHKFK06jutSfVYMTO6d"
    "Bf3z5N27DQP7tTPmSyptlRitoX/pxLv2dwxf23Dvi+AbtC8H3+371cHQ/fg+B7gf32diyy"
    "7FoWWLifIfkxSavzGhw03io46tq/91vVDJ/ULVq1IHqkbcMGeqUQjutcQBsf7P4qfu8DAY"
    "H3/MgfFxcn1fY8wu/f0303fnDxFdjH1wp84enlRLU2JXItMfq0s7PRZnvtjn38bYCNX1BP"
    "q++j+hXdRw2f47mGXBp6KNzbWxtSc8N7SLpsJDrzrUfNsToa7XS2NBcm3HXO49j7p+N02H"
    "SaH/3+OSwLpkfTUVMVt39sXpmnbRVHiowbJQbGzbtPM9YerQrq69npqKlk4edYfDsCdW/b"
    "CjpkK1wtZS55NBubdUsu/2dxV2d8F6aypqT3i2UB3ljn5H2teemH3jnZ15fTUVMdXVdEfB"
    "hHa17zrfYV31aE8vzQbrEVv6XJ+VsY5xyL5G+msqcqbr3JnP+4E14n1c0i1SzaVv+QxSrX"
    "ByV4apavtag7yTpk4l1cDWvtthh/XRaIDovTV3tfeSzro65z01Gy38iPfWsThYPdZRU7Gi"
    "+hAh2GCt5vq+6lXX66zL+2oqYvSX6kxf2PdBPPf6aaxmpen32HYUy91XozrnHY3dxmpSxH"
    "TK0j6Hka6+B7iUlYXn2MJktu/jGEXuKuy0qRiuFqZjKgvVXuyL2xXr6QvtqKlQWXhmWowv"
    "UB7wy55gjYO+fsONXfejtrSyMg19tvdWGTWnr1iPL/STJrOqj7qt76u7fmV9NBoghZM3Zc"
    "DESZtmYzXXn/d+DFlHn/XnZgPFt8YykOI7Y7OxCvfGMvAKN8emYmbgvXnAAW4uC8jgUVTb"
    "1u/Jcn/qhiHVCTtrNGY+h1MCYD6B02i0yuAFGVaNpgU5UvpyZe7NyzOo+ryjZmNFHPVhXw"
    "WLY8U7ajRW5RiFDKzvwhi08EopwYU4xqtBg32IDCVHNYy95xXFaUL7aSw/Y5muw9islWXO"
    "dWNvtLzerrzOmo6Z5RpYsfG+e6IP2pj2do0btS+y3AHzxMzKJohfSkbhLHzjRgzsiOCJSf"
    "/JGYJDVVmdfMlnLtUxrCTuBeH7YBnYxdwgYa8NwY/NxeXJMjE7lypR7/m3ZN0x4WiGiiBx"
    "PchcyU5Yd4IW2xLVjzqIUHFkzpGzoC+RRPcfbMS6od8c41/Q7e1KdRa3t8jQbcfmjVXm9H"
    "JMy/4B6ZpN/9SQTi+ZT+TtUQKnCm8jSKj/M5WwzwH8FyTaQ6J9Lba3mqZcQ6L99zjqAUaQ"
    "aJ81rtUn2j/QnybGt0fcJce4T7+T6keUxLAOZA+YoxyoJwXQPhr3LvqjYRtZ+J5+MiWTXu"
    "eyjcKeXiV1ORbRQvWWIlM8aF8V7K9X7OD43Ume5HvWLBtffjGOcFSpU4rpaALRMhU2OeyN"
    "nfSz6AS2MHEKAhsT2gNSOS24HRBNVTMQz980xp9NC+v35Df8klquM3JXEt3Vc9KmjGT6sa"
    "U+hVaZ6NGlbygC2PFW2M51t3PeOxLM5RJAzlkkQs7puxXb2NMbQ3VMNb5xvzs5+jtPNY7Z"
    "Qjc02tV+rGSzsI7NxyVe3h2qIkdd8ClE1RZkzjhUAuYsgDCbOaNXFDdoBWUegX0C9qkmPA"
    "SwT9/jqOdhn9h6XpSBispAOcKEdZ4ujqfp9spQX5SiMCflGkj4Heci/I43EH7HacLPMrNK"
    "EW4n/AJZmbGmBsgV4/pWU3LZGXYueuM28rQ9a0rO++NedzKiH2m6hWeOabFW49/oQjO8YO"
    "2sB8ziG2jL3qD/tTf+g7b0s12n5HN/2Bl2e/R76oThMyWd88v+sI1UbakTWchE234yqRa8"
    "8BPb8rOKCcGdBlkyEyJBoH/4kIdA//Ahm0Bn1xKALwqWUg0Fmgfw6UkOfE9PMuFll+Lo4q"
    "WqG0XQDQWah+7JhzybL221Yfqmtt8FXQcVpnyK1VoxyDGhTRpt/SDfgDBTSBPo0S/p2hnV"
    "qn69Hg0zLO+YVBI/feag/+VRLJV50dZW+J2rG3TDs9+y+72GIc5QihkDwWx9c9n5PTmRu4"
    "PRWVLLZx2cJQsuq+TeVYU1NbNHJSYEg1L6oFCz6FGfYbqePeKMJX27Bprq5IC+Z/aVNNXS"
    "Cg7I0a83wz5TOf9Nb8cUTmqTDs874/M2Cnqkn/W8NjZmbeRQJaFsefUY67ai0of+UQDzmU"
    "mtLZVkbCFRuQTYd1SwKrQD5uGw69HZaDSIrUdn/UkC45vLsx7FnkNPG+meM6o/nKR2bMUk"
    "d6YapusWAT0pe0Dgw09qi7xvhBcME4hLQZwABLYcEF4WI1YQ1ohIpZP1kBQwxLRIE3exU0"
    "xLEOooS0TLK8zdrcBGntsYoPT+aHgzGByJ9rISQG1WaEYS1fjunQFsnjghC5eQ0N8srGMT"
    "8vBHrtQZpVc5caWOgMGJInCiSDVVPOFEEThRBI4wkAEiCgQxnwys3bMgtQOeZ1DLDfF1Cv"
    "TXESqoDV5Y1aLGo6ZIVoW4jlMPihAXKEJMv8JM1/CG+jVQjHiNGRQj3m5lqyvHZSvZ4arG"
    "1nGRAnSKlNRVlqomcpJXWVe3CbgBZPkgO3Rt3doCBaV1c2FlYds0HvFrlNet7dR6veq6tY"
    "UMquvmggnK6+YiAh39kaeqvlax2Do+hq9dYLcumBUq2rD1yLxskHcsGFvk3Ly6QL6hdnYZ"
    "+BUuoF0X3AqWDOmaVDPjtT5SVUOCS61NhUNmkUZV1g1JF7f1UhFps/QlL4/uX1Br5AABp1"
    "Br5PupOgG1Rr7HUQ8wgkq3+fKsqih84ehOsWy2UOCAyWxVbU8HwLdmlYTvXFsn2LYLIn50"
    "dnPdH/aur9so6IFVFO5+Gfa7nQErKzxbEGpUGOlyIUe7jFT5BUKgXgXUqzgIupXUq/BDIE"
    "XmRzbIMaHmAV1+Ua4wUL6YmZcQqzafsB4ZcJCtCQmGEkFcTYLhLJI2tCfMBTKQ5FwjtiKc"
    "WCTF6ObJiYMAokMWhg4npojmjUzaDTxvtNVhiV7vFDMRz2s+0ZEXX5qZy5VKXpQH/AJEMB"
    "DBsu5sNaUEgQj+HkcdiOBiFEIVR5755RcFh85mYxyVaRwdXD5/YOv/KTSFg/aNg7Z8htHR"
    "RXZWPpo9kD0gzGdF+fVOG3Wm5KyNzqak20bdnVjzPKR5NmeeYsN0p9BiEbRv3Gwuf6FYqS"
    "8ss0BRZzPTFZ27talgeUoUqN38iDvYWgrYg+14h4LNQ7sSdYOYjijyeIKfnQx9LhBowPqx"
    "SS3v/T6JaeSpIsOhVj4YDS+C5snKw4mlOsJZFFmx42INAP4AE5sXUeIJLmbRop4pSSjsCa"
    "6iQ8LLWM+iuEZkYLqC600O15vH3++PcbNqI6agjTy7ecp7rvenEqBtXlHFJLzp/XyPUp9+"
    "OsS+1RnXSRUNWS5EM3RumYLKvlDxM46TrZiugFqosthnfSeVreh7nsb9XWBl60KrvghO13"
    "quA7JqCQ9U4JKm+k9t4DlE9I63Jm0I4QkXre1xPF4Vad52WzTP0WSBkYVnpqUhc45UgvDz"
    "ihW7cBDvpI2eFqqDnlQbzU1DwxpiuhT/sIXuXugbc9miYprXbmk+Yu1t0jNS2U3gSHoJzG"
    "0mCNFB30ucSJ7oIJuoK3thCsY8+5DDqMzhzzh8HR6rktMM+epYBPlQAGDfA3b6NNsiTjHb"
    "tbOWaGB81Gkuv87pBr/OadqvU3wXaezuUZPdQhBVmN4uApJuJ08duJFEbiQfnbuX3VAN5c"
    "CdBN7PA8Jru9aj/mgWdYAmxABWcIJK4gQNZuZhnXV1hTjxHG+H19uuANwirtBC0FJNoAR0"
    "m+3CT+pMhT3MVdLL196p1ylWOXDxZJPJdtCiyoRQoGeBnpVzWW0wPQvJm00bdQHNAsmbBw"
    "46pyNh+VXb8kIcEWkgypVQwJDxVln+FYvqcFzRWUafDVPNSAmKCiUwnjOpGs7iDbiej27O"
    "Bj10Ne51+9d934sULvL8IvuIfuCp3UfjXmeQhNkk9zvgHJUCoPMATdUQVxCDmi8hORSWeW"
    "E++nZx/el9G/GXKbno/vrupI34y9EOS8qnHCvKp8wF5VNyPbFUTXdtRTAEfZIxy6MiCeD1"
    "Wh6efcRjun46OX7/8/tPpx/ff2qxADumggSf/LwB9P5wAuUPwasj5QoN7ocauB+g/OFrlD"
    "+EEPMDx1B3XGdxTQ1p77umuO7o5dYmypuddK7YkZZbo6dHBCPDvNdJG6m0zVI3XliEs4Xn"
    "dDlcIMd8wMT+hf79aD5Q2JDusOY2chYYafhRn2Fkug5SHWTSpy8dOF1B/0DKS7A9toCU/4"
    "7o2Tyk/JI+jWah2vFrCZlt1B3prfKPl8DPK50O1w6PVVyygY9VTR6jXMGkfCvcafWMS5Yw"
    "zHLGMzRqlHeJuk9KNq9aWPm1HYEhqZSAcu3ClF5EBOAEwkkSwsm1D1nzp67QRp7d3Vkmnw"
    "NQPA5gP7Zp7PU1YV01CPdKSac+edQd1cngnCJXW5soJz3ebivh1CFI1ZY6+cFGa1E0Ny2k"
    "IjatkGOiOzoMjAHSLfQNd1nGvF+J9hdkUxgNzFqmuaZyuwaaSYJNsQU0E9BMcY8QXYKUhW"
    "ovithMMaFyyKbtz9jBrKXyI6mAatplLZPpUcpFQtCtbqcgahtIplqMb7DPFc6iTglCGjXQ"
    "SQeEF+gkoJMODDHQSRLTSeJN7XDAyrmHbQ8IS27jUmX2XmFrqfNQpQtL5b8hRUIlm7Q2MV"
    "GrsLFyH7bezkehtRziclhjRJFJsEca3eEXM+SMLNOgfTyqhs5KPNq6hpGKmKKLnuhcMJ8E"
    "pFT5/ec5pjZYeNY3h4Nmga+SdaNoMF8VeQBTo77hRLCYVAPDo8rnrPiimVG2f/PjFZds4O"
    "NVk8cpF6fhDZZLHN3YbZxDUeCuZB7nepQjPdRZt1VkokOg4ffwHPkmR3EOOCUIHDBwwAeE"
    "N1hkCk/clCBMXGDXgV2Xm6oEdl0Odn296wO7vgXXlIKU4/jL9d4E8G6BN7WNS+W8iAUcCz"
    "wXyYDkbLdFLAw6r88ilj/dQrZD546GTGK8INVGumOj6y+dn04+fPyFORk0njzdYj4GQkVX"
    "hjoTHXJVXrcQOyuBjtICXwT4ImK7D3+sCwfPxqUgenarJwKiZ3dZzWR6mCB6Fsb3yK+jU/"
    "Qol5gUkCWbyZJIraI9jaFEjaR6grv9gJHY7Cqae1mlQfQNzxaqc0bx835nyiKKN2htMome"
    "eFPlLtK21DMc/mT39iFcYULf0Z+2jpnyLv4LLBawWGqxeDTYYgmf07zGSigAMVM5LBV/9S"
    "uA71qigQAfn+SpIE1bZVftOklVkaY/1SwIckSkebV9KgEZfPHgMZYbTvAYg8e4LtDuUd6n"
    "ShOz42q6Q3dNnXyhCu+RsFByrEVrc61k2laZscbKImi91fU2WWBkqLaDDJ08sErGKkHRmf"
    "iDjXiXLWSYswesoaeFbmBEvwbmxmybVzbmTRDBj9hi9Wke7LQzrsobgXtOgg2hBcYuGLux"
    "zYk97oqN/0qP+Zl+n3nkTFTqcEfOvKtqeL3zZv5xcnJ6+vPJu9OPnz68//nnD5/ehQfPpC"
    "9tOoHmrH/BDqGJDWn6VBqOYVG/aEyogdZwBXSDtFbaq/qjSzQqiihmeQ2QEcETk/5zIPND"
    "hqHY2/gY071g3O9OEqry/upvjzjWS6bq613NofbisGGuE0IsPDMtjSqZKles3qLbW7bw3d"
    "6imUlVSxsxBfMFmUybRN5DS/VVntSOVhZ+1E2XtmH3pGorkxQfFFLNbYQOoOSUZxsoeHxA"
    "Ca7JRt1cJbiw/ntw1bfKcX0V7bf4A9bYB6smD1Ku+CW6iZpFWfuoDKTN/Z3Es2AVj7UEmI"
    "c5zEPbvfs3njkeSgVgTso1L/2/9ONQAsiK+aXjUo2DufwZzXTbNMC/Xo+GYoCD9smdVZ85"
    "6H+RoduVKTURg+HO1Q1HJ/ZbdtvXsBkYPrFNNoD4zWXn9yT63cHoLLl4sw7OEkPB7MPCFF"
    "9MCNbwHDO+KMIAbiP409oqeBCWIQczetgggq/Y0uf6LPPwm3Sj1nZO9THZPlcwAZ2OdJyY"
    "g59VBLVcwt6uXfdep9gSBwgUEQanvwTLTQv4TuA7ExUhKMK2ozxgQUmITcXuYmKlhAlX4X"
    "njy9S/zTu6KqkOslSCdKclPiv+1YKHZwvMIqi4U0zHopPoNtDPAmGgonemos0HAfqmaWCV"
    "ZOi1DwLE76hEDSHfhN5oNIgtaGf9BJbDm8uzHp36fOLTRrqTAfHKMunPXwqmeTYvEZWRg5"
    "tg92sMNzHXqca82GnrT4g2cO+vyV6fyyUDBjwY8HU34F85CWDkOnfm8yW2bZVrKCnbPd6g"
    "tcluN3lTZRlpm6P2VqjNLl3b4Ub3G/rH7a1GrWvVub39sYWeLN1xMNV1CbfGbfoNKdYqsT"
    "2PYFBMa6aKz7Et/RZTMiVMEWe2551qY6TbnpTpWjPMSQPLdRZezoCFDfUFYUJnLTUxaC/0"
    "Ho6JVOsv9KQ7C/o16NejM+P2lt2ESkzphHbYgQV02jj6jLdkv0DXWmF4lv2E8Yp2/VPYr0"
    "peEP09yEff+71jrOk8dAsZ9FHPfdoJfXQdl4+thxCcdQJchqzrcIO5DLYu8PepMc8mMqIy"
    "4ATK4QTyFt+iEJfpspeoeFslfJBq3ReyjoP2cljGjfLarzf29GTvEXeZUt3j8Sqh9AFjVf"
    "z8y4IjcHTVG573hxdt5MtPSW/4z5veTe+8Hehi2pSc04W7jTSTUKXrc6c/YFfnqm5gbSc2"
    "9WOehye5oUSenY+pgBdP/Sq456+lGrjf12R/zxdSSk2O5coRPJCZ/HhUpDHpiSfH739+/+"
    "n04/uQDA8/2cSBp8nY4MnepVZoXBRqScr84LAVe5eFcS0G4yvz+PJcYGxZpqC6yJYM4lCq"
    "eaWePuQ6tuzDhmPLPqSPLZOGQ5cM+gZS6HIiXHcG/WZlmOLyOf6V1ibO3F23KbUmK8SiAX"
    "9bC3uuwfztA4V0V64lkJWZwz26+jKajNpotTAdc0q+jvrdXhs9mvoMT8mkczagf3kL3Q7K"
    "Th4iMpuGTAelmcTBpHgyXFJO5vHYlfTNpVYeb1Arj9Nqpb1QTz58LIL0WqIqjJt0KIqt/0"
    "cwj7Oz+v3mTYqlLI01etI1R5BllQlm2H4nNCXTwssGc0FNmIVAzclEcy0AcKbh1FzLM3xE"
    "EaaZmCakAFhBaLQsvIdsq2s51R08u7Z4meu4GMAqM58kKcQVlbr2Z2YJMDe93HX8GS6crh"
    "pxA2BVU/TlyrREPtIzX/rzb2NshHNWDPmA9tTnHTUI+L8L0ZrRmmDWI9YUbrZnwxrUqdwO"
    "7lfd1p2roLd6qRWZ2Eaf/Uf2AwGvgnh55Sf92J1SMBtHe2wIbkXz7Q1sOUeiHHt+obXJ10"
    "BMJ8yoV9SwfZV+hz9Fm22ywFSkDhIEmoOjQtJduMGOChZSRhfgQsR4VKaBpDgUL2twGLRr"
    "UdhmGQUitvvmIuIyz/yjwehbGxnm05QMR+PLzoB2YlpL1ZiSm/FFbzhpI/5LnF3cc+XHOk"
    "O5SihX+ZowV7DiY81d4aKlaOJSzYtiPMnlbj7Z4G4+SbubKWQGs2xE5WY2eEmiQhBNn4qm"
    "t2eqkcEtZ+stcam9tBfJ5vGh1RQDP2KjwHwO28NUTk5lgp8dZT0zd7BvxT1AGoHMaQTq7I"
    "FeMrB2vxOlIRCH8ZZ5vGlXpvG401gnRGGcZR7n2IN591L4UA6RNGSuQHxMxfBCIIcMgRyJ"
    "x78EtHPGc8i5TGwFWbxcxnCmXwUNbwaDfFEdHsGxZ0AHd3ee854aNMHj5vcjJvvGvXCYeo"
    "+4lnHeuVCKOrX3BGsY6apJcFWZ/Rh9DrOiEtaPac7YBG0tkKvoP49lQCqr6BeSp7e3iK3b"
    "mo3mpoVc4ugGvY6fVzrdlHnVv1+QN3JohS0U3UrEhwNUcZOtZ6n6qy0jg+E4VYiUqMdC1O"
    "BIiYK+nH2cONKNavVenPXCWfSZiks28JmqyTOUj75hO2lR0iYiA2QCcDXA1cgFcUVcTRCk"
    "vCfGYXB0Q8GNro4y1caJ0A9ZxmFITuS0DXHYHurlgHEFxlVNFEOol8N+yrhHYT5vI3+WTs"
    "l57/zmatDveh9zYskLSaPXenTpHngX/LiTyKf90VDp/f6lc3MdbcAXyOeF6tq8baf723D0"
    "bdA7v2BtokT+lIx716PBV/Z54Ppm32bQ/9ob/6Gc9zr86xj6I7Ze6A9Uo1fHvcm434s2sD"
    "A7rW2nosnlR7fuEOjR1MWiJotDLqsRouHKKyqCHVUXYLkhGSWUgHSU2ANTRpwnVWLNooUy"
    "ojIQuvJ3jfilQ1YhA3pJUniBXgJ6SZbVoQR2KbWblQBq06Oq1vt34ViqKik7am4Tgo2uSe"
    "b6/ZGAtYs3aOUm7maeHIMmENwa3PHFfEIqicVNUHNVnS2wjUyCEX52sEVUA/md/4Jub23s"
    "UBXx3r69RQuT/mLv3EYLa5g4Or1NOrqjsrvkDe/w+4UQD2Aha7ItN5iFdFfajqMel4RRl2"
    "XUBfRSKow0WIJTQ56Pfo6IS81A94dK5+qqjXSi0G17Sr71uqPLNnrCM3M5JezEvEln8Fsb"
    "sSJbjmo88BZfOhPeZKE6U9K77PQHbYSXPh/0+oUjMGEgCnbEM9M0sEoyIobWUokRu6NiVQ"
    "1ZsE8edg88G40GsefwrD9J4HtzedajuHPYaSPdU0bT1GGg9xQhD6MyQB+WTh8CPQP0jOzm"
    "ruRnOJ37jswjgb0bXmsVyF+IiJQapvJn/EabzUdx8cXwEN+IkUIFNxqmMTn6DZQ7PKczHc"
    "o1goUq68pUU1sFLNTvcdTBQm20hbreO3cZubX0AWvurTAJCm0XGb2r3pANURv58izObDL+"
    "g3/EgsRe+Gd+JFkkhMyLPvOCzlis2fVv/asrdt1+0Fer3SLLyh9HOK+95EAkG1t6oZJ9aw"
    "EAMwnmzFD1ZRGtOxSAAKJEtbi1hVNQwYpLNlDBqq9CJYgohVPmRQHZuTJ7Tzdk9p6mM3s5"
    "aP5euIPdIhCHCm0yP1qhWrfDYCdlYaRlHukgOKZgMfGEWPOW0UoKJAjI37zKnkAUXD3gSQ"
    "NPmlwQVxPoTBKVzfaEuqGF0pJQC5ZMqZyW+j22nbFLjkRey/BiK7/bkssoli+0NTp3RHAs"
    "aPYHGy1Ni1DokdcVMuc8gNYwZ6qBmL7WRvZsgTXXwBq9MqOdPi3ox1TdQ84CI/sJ41U6QL"
    "fKG+WN0eVdK6xrCNMFJ2hNVrqausPyOEEjz6Nw1DOIhJjUphGv4WhvGF02YinunQgemA3M"
    "OxE9JcC7UwDpVrHYaQFKiALTITPTAdYhWIeymyySx1nGDEeB1ZI0LPMZLrmslYJhltGcVw"
    "vP9JVO97/AFOCVRdLRlsl2yQDL5HWmnPGLYECAASHnutNkAwLqCZWlAXOrqtChvWsJmYMR"
    "d3T9lB945uhOMXxDgQbCW4ln7c7UBJXdJ/g5YzUI2jcC302reu/3SWxBT2WshYv6YDS8CJ"
    "on09jiYK+odlhkNgftm+clriTYJtArCyozETEgImQmIuSubybLsILfXxZ4k3ZvXmyTcgAs"
    "UGaSBFRIWDlOSnCLlY4LH/gSkM1ZPq6uwCbXxqIsbypUV5iHU+T0xGiefENAr/TkxCjXfW"
    "Ua+kxYfUDQqpU7oGe1FtgazNMhyRAbH2a7HdS9s/khhq5FR3f20kJ/uTp20MJ0LbvFg2ri"
    "MTnpMJ5qbgGHeUiglbSAXgd6HYoUNHrUBdxEVpGCQuXBojJQHmwz2bpDeTC+hypUXRYZLN"
    "mca0KsedTrhxzE64dM2vVDknT18MJZJxhtAhnvcXTR9wSxH5++W73HtDCUfcxf9tFHL9hw"
    "887vhNgB65e8+9R+966qJbzSWS4vGb3dXKkHY1ok9i0vuzoieGLSfw7ErcowFBUFI5ZHql"
    "h4ji3MxmEbsbJu2cpPrsSFcmVLrbBlc+JjtjD1GbbZSQJDk+DbW+T9QCZsIIYFckzOeCQY"
    "E4/SEadIldo70CoSLF0toFW+IwMbaJXvcdSBVqkxrcJdE4qNBU/jRmtUIH1AczT8pLb2KJ"
    "BaQGo1A2J5zX05nPJ7xp65Ni56tG5EBNgTiDeTgxXJTVO5ftzTXvTUrsFTMszxrQMQeb6r"
    "pqOuFqZjflHtxZGAgVpfbG0inVasmbII2uXimT6+/+lOdxghNMMrx1UNxORZlRwV2Q59MD"
    "XEu20he0WVLETBMtFs4ZIHG81NCy3pwOg/8WFEhmk+uBlFeSq6z3buSXxaybvsg0yOsy+d"
    "ZF86hdxcYLlk3XBqynfkYbkeVcMVOBrP9PvM9NxQ5HDpuVWOrZeh+4+Tk9PTn0/enX789O"
    "H9zz9/+PQuTNVNX9qUs3vWv2BGdGw8BRXk36UxzwTca9wktMurxH9cBMdjwDELx5MiOJ4A"
    "jlk4nhbB8RRwzMARuJpKuRrP0imGa1SmWkCBrgG6Jm8iG5+VJWD8Vbd15yrorJZzeCvA0S"
    "dYplplYzwzLXaGGR2uIwF9E7ve2sTgWEFL5QHnzcZCM1O1bIzmVAxbK4q0g6i0R62EHbbR"
    "TCWazoxYj1BhMT2auzJYkBKmfSxXqqXbJhEkY1Vxhx2JGwYLEC1AtEi6VTSYaPEXpPw0iy"
    "/QJPPgwCQLGBFVFxvxN9vCxUZicmBMgDEhhzERzsyyDIpxtMNazuU85TFiT7NMhsVXbCVK"
    "OtBP7IyKyNmNN5ocjxGxQmUgmFf30bsDtwRSJRuiPVNjgC4YC5OlFrwxqYLED1lBmj6f0y"
    "7Q3DKXiIU4/ij2Hld0n7wnuvi3h+NcwBCpyTbTYEPkcb2q5fRTRCSaZI2U56ygAFm6Jirr"
    "lJ00EBOCrIHYw1NG1oCBn/WZaJpnD0lEZK8BkSyo+tDI09VnYRYNBY4J7bGV1wd7qJoKBn"
    "d9IK6ouCd/6ksAOWcYtZyrw/bantHFMYYq/QZoeDMYvJqFzViOI5E1zS+0NlrOYZOSTxQS"
    "xRfT2wvOERK0tPDKf8eT1yKHCgka03vTu1sqeWB/Ydr1xub09+K1ScyUCq8pvZPj2sl7gn"
    "UM1rGce0KDrWPI+m/aqAcYbcz6Z9tDaryzE2+D9o04k6bqI5XWu1sa3h5xlykVLwb1WvqA"
    "Nc1GV71hwd2Ky7QR+3dKqKl83TtvI+81ScnnGYZPOUbhU+YgfEqOQaBu7DgIEfEDjgKF8r"
    "w/vCg6EF974/7nPoM/eDcl1zfXV/1uf3Rz3Ubr91My7v3a605Y2+DdlPi3baPo/Ys+RXkO"
    "GzrOPmvoOHXUkD2jNlEB0jZsfzjK9vhdXY7R8/x0SnEqPC0IZxQmwY3YMAVVqLhkA1Wo+q"
    "pMaU05tHYLDnJUDk4/k3mE5xRD+lsLubWiMnJ4tdj9GuPV0vCjPhOoAdkDspaQYzga5WQ0"
    "XWdmigo1b/D7rkVgQEofENXVdIf+jJkuVuzymTvpXiQurnXUuboaj7722sh/E1g1gU0jgf"
    "nJAd1JW4hLgr4gs74Q94bER/l6qRpGplkVl9zJpJJsXH2j6vTk54+hPcX+2GRKXV92BgNB"
    "TrlrO3THKBpRkRADrz8EVRw2O2RVOC9kBWCKwYw4jvOiGREBOCHgR5KAH/qMl4Bw40+cXY"
    "kAHVMFbdyn+rxQOygB1m6kq4ZCm1CKcuDL1tESsL32u2korpHdJgPT7Pi0hJm45+HIPPCs"
    "wzpqENwJWvZ53xOkOUif9eemQsQrnZSBUYkVYeRDKUzdLAOpklNd5UCr8tBZb6HKip8Nl7"
    "EtQbSKGjbMUe/G+0YWPxTcYzgR/U9FvKtfEL0XJtpPPPnzjYro4GNr3VK3aUuCn5BlPgmS"
    "TUvvHQ7HksB2aiEIk/1+AibzhMnu62HZ27dyoLGug3NlZi6XmAgevwl+zqo8uhaRGf1SvC"
    "i93yeb3YzhgzUYDS+C5knfYxzypTpb6AQre4ZVCrqReTgaGlnJlacdElajUkCxgnflkPB6"
    "an8xXKMyUHMLPAJyeATCLNA9MQ4TTms5fbdiG3148+RV880JXC3bM6uju3hh6rpyfohxtF"
    "nskM/fbuOG5n6zHMzQxdU1os2RavPiwys6HzCy8MpkUflId1roSXcW9I2Nvl1c//TpPaIA"
    "B7XFVKJ5xcKeVFa/2CWaiB6q4hbCJPDoA/NAZ2G+7G9DdRT8kb+jn9F3PD87khOOLfplFE"
    "5IQII2ME+SLn8NZp74s5wa73z2diArtZFN8RlPqC3NXqaEGsptRP/ZxVQu+fxc5gZyXFGi"
    "9GfDVDOYpqhQAvY5k5IH+DJWs/PRzdmgh67GvW7/uu/Ht4dPD7/Id5HwvO1xrzNIwmyS+x"
    "1wjkoB0HmApuu7u9yZwA6EpV5LqAr16X0b8Zcpuej++u6kjfiLBLz1072t7LSmJAVhuueZ"
    "7hy1ndaWlCQAnmshD22JRGjFhkMf1jJNqrR64HMffNOtGPChDAC/M/DqbObSyy+KYFvdsL"
    "7ExWBxybO4qIa3/xWFOia2I9SSpVpVjLS9wlhTlitBkNwGoGNSgHMOnGeGjomjBIxLIT4n"
    "LtpAQqcmBE6AyUYGJ8qhFhzohCgMtNQDfWfbulaoeshaQo7aCI2qHQLlXKQbEoiSgRzkuo"
    "Apd8hRTQCFmCOIOaoPuMWCjiC3u4zc7lcMNvKSHbPCjcJUyG0BR6uwYannOkDaFwTf1GIp"
    "aHDwjW26lqj8ZM5S7qG01E7zbueyN+60kfc6JZ3B2c1lG/GXo3wzIOY2z1NQP7uefrqc/k"
    "I9+SDwbmWfVrCWqAr3Q0ZMJ8B9nwfd99nwvk/hyzhGTdkB5qQgoL0dbUd9wGSHXSQqB1Uh"
    "ZWaB8bM+3y3OJyUJfrQcfjQPtZ0CfdKigHieyCpdo6tjCujMWJOwfZNCTUo7PmKB9fuFYD"
    "/IhHMtAHgK8AS3D7h96jL3vwdPRT2SowUWUcH6s1Ghw/Jr0gPqrqgeVRTQmBAACq40cKVJ"
    "s8CW4EnL9vtEVGPVXuxb+pO7cb7Qjho0kwV1GpOLbRq0EcETk/6T1y8ZdlPH9XXrBI3tLn"
    "nKIvPtHVDdjGpMCcrj8N3fibuuw5rlyI1Vat3mzLVijcGhCw5dcOjWhJ3PVcfTtTx9bylQ"
    "KzIZt4QU0G6iU3BXGM8WCgeqEAmfFIR8uDwcPL0T8b5XGuzsOqhxqQMebf4Ke0MlhVDXAC"
    "r7xYYIO5I7TGTQ7w0nbeS9Tsl1b/y1N24j73VKhnTFbqOhv26/ctDIA355onpcISdAVEYO"
    "J0CjjirFS1PMT+V7YCLiUj8mV6Pr/qTPKmgH7+ij0buZjDsD+nR4b1i14Os+VWWGvK62/3"
    "aXx+YfOR6bf2Q+Nv9IPjZzemdsrSxdVF77TCeq9ZLpQIsKJkbo7sXxaBw5xqiMR+TMn/Xh"
    "I0JBPesPO+M/xNvLmeApOftj0uuA91L2hQu8l+C9rBGe4GwDZ9vruyha4GyrmbONmj97ut"
    "pCop2OTIOmMnjb9p6hebxt5fmFBliNe1Sin7c2+YCMoEWVjp8/U1uI+US8JFA6TRzX9opw"
    "Jxv511qsaJ7tKPiRlQBSHXHj8JRcKNoNbiZJ19sGu5nclbbjqMclYdRlGXVB6k/qfNnZQi"
    "UEG7synBFxqRnOb72z6/6k10ZP+I6dgz0l56ObP/rDNtJM90UnU9L7/Uv/rD/pj+hn+Hmh"
    "3+lMdkquvlDglffv3rW9gzDY2yn51uuOLllvM3NJ++oPLyadwW+0NzqNHNV4mJLL/rCvXI"
    "1HF+MObbjUia6sLPPeUmn7/uXViNWP15fsTI0poWP4+XMbUYzn810Y1eM8nojjbFfEccoX"
    "gZ8dbBHVEJrk2emVCbGdpoRkeUlVJ1fO1OVKpZZhEZijMg1wiCYPD8x3euCm4wNT5wfSOz"
    "pUN1b430WQTsgB2nnQdnTHKARzKAD45sGXb0RF8A0Fmrcin57kwPf0JBNedinp9FX1DIUo"
    "Y9cLBJqH7smHPBsebZWJL7+WyMXFVG0Uu0+yQY4JNQ/o8hULQyX3rnpfaJ2IyjRvKS5dS6"
    "bK/0olLztoFXG5xkF9kmvXO9mw652kdz36u1x6y5ciSEdlGodyBcaIPzFt/T87TehArnFQ"
    "V6FlrAzzBYtSxTJjumMyO0V0y7YHll1HweVRRYrtFNz4UoIwg7fO4AAzix3yWmAWp+QOl5"
    "vwribz2ML3mWGnYlDXEo2buRVsc7pTSIsI2gO0W6FdWabmzhzF0AsyFAk5gHor1Heudo+F"
    "Mc/ZR6itZRqkPhz4BLU7vFAfddO10tBvODUlKiRHwHOjMjWI6QjWm+yssqB9A9aZQ+eTWR"
    "ScJ1XAkJ6ZpoFVkqWghFLJTAsqVhXo4ScHzrQYjQYx3M/6SWBvLs964zfHfBDWWZOCHNWZ"
    "aQlmduYKH7YHrVoIpbIyef8F1u6kHCzfpS/fy7+Krie+BKwlBdYSitkO4V1rKSjiLE8kVz"
    "qAz95pdG0Y3VqMrqMWS7AM2suxWTUquXJl6aaVSSFtD5qMyh/Q/hiOxpedQcFBoHbBtzai"
    "/7BiCUyelUtgr1PypX/xpY3Yv1NyM77ghRa816N86l2MH/mUgx75lMmOfErxUL4ikJt/8t"
    "s3wB6smvdfJ3XsMvnX0lIHDA9vxpObMSsO4r2Zkiuqh7ECCSM69TvX1/2LYe+8jYJ3U0JX"
    "j2v2ifcqwSOwwQmWa5gO7ggb9r4VXZ2oCKtQQVen7mg46XQnfASCt6yKRe/8WqEffO6PL9"
    "m1xAdTct67HLUR+3dK/nkzYjHi/GVKvrFQcPrPlNARnbBF8HrCYr2v/3nTGfQ/91l30b92"
    "GfLyY1JU29bvyZIlWtmYgk9E9X4y2YMMaeASkqaUB9RO6TIJUVC7ZVa7H3X8tNMoxwRhjG"
    "UeY8d0Z4udBjkuCaMs8yhbePZCb6vR4XNFpaIy98S0IGyHqQOBVKKZ8/kOj1BcEh4hmR+h"
    "OcYaK3ewq1ERlZc4hP/oYjSiuj37d0o+d/rjNmL/chNwzE1A+r5PlfBBnzbz30hg8AXw7v"
    "AUJkThMZT5MeRah6K5eFeNJSILIy3zSDMjYseBTojCOMs8zoEStNtQp6VhtGUebdtQdxzp"
    "uCSMssyj7O205iO26IilB3pjcEtKFsJcCoS5BOvhbtgLpAH9AujHK70VXOBSwg2sJtWkRW"
    "6mrhzXwppy91Kwem9aco9CffXZxgoURfZra7FKlXP9vii8ImFAWFwVqCC0MSnANIGpX8Wz"
    "KKhxMag4DwX9Dwovq2ZbFNeIDKwCUH++KMTV1J8PqyjvD3M30lVDIU5sOzkO1fV3/zLgXf"
    "dUyyViO7gxRSmGLf0KaHgzGBxt0HhLgJhVT++uS9Q2FGaRqp8H7bUFVgLUN3auhaKuGKes"
    "1RwAhyXyAdpNu1xEjcoAlWkW244CWUeu7nkiCFszOmFnDdr74uWnHstBqvfYYJDox+qDqE"
    "JXUZT6vKPmPMOC42Viz+jeR6FEHsCMQ1Hij+jm41EUNd5420kpR98WJro3HeQsMGIdtNDd"
    "C3pa6LMFslwDI5Vo9M8X9Ob2ll1+u+7/LX5eGRSp29sff0H0W2Gi/WQS4+XtUQLwqu4hOM"
    "vlz/CMmDCmnx+xsvF8Fz9KnU/arBNb2OesIzirBc5qkW+Jr+mpHXnOatkhs+d10nmqHN6S"
    "Q5gfdFEVw3yBrYGs1CmN49ENT4/zXtl5zuEnveCzy87whuX4eq9e0iNr4b0m97BXiHGFvN"
    "7K8nqZ1lG4lHVMSOKY7h1R/pinjvXH7DLWH1NVrLnuRjKY8OxyDgkxOao6NKoEEdUW7KI1"
    "VwOJ5q0uuQq4n24o4H6aLuC+Q6psU3XTmuii+QMdIX3yexhlxcb0J2pFatan5BpUeLY02w"
    "PTn7HLAxSVg8dH5scnLPpQOFAyLQnBJsJaHHg3YDGgKkSVE+fFEI2IQIQZBPAdEl7OQ9i4"
    "aCxvQgzWAAjjkyOML/DYlRAA1WBoIxvOdkijHk2IyNmAakIxyhHpFCyjJUA7Nl2H/ogx7f"
    "Ea19A0zAtyYufJAXLEEIApnG8Kb4/Xyw4tqzrEJYhLzYhviYStbglumUVabo1s6aAnfLcw"
    "zQdkm641w+iNyj6xdQejuWktW0hF56b7ohOkznjBK/oJQfh5od/pnP1/+/btjzw4RXdsZO"
    "OZhZ10cEt1txHGtyQVE45nMsYFIlUgUkVOdafBkSruSttx1OOSMOqyjLqA7kwFzjY+luZb"
    "7+y6z2pF+5valJyPbv7oD9tI47valPR+/9I/60/6rIj0elubkqsvFHLl/bt3bbSivw+zt1"
    "PyrdcdXbLeZuaS1ZgeXkw6g99ob3QCOarxMCWX/WFfuRqPLsYd2nCpE11ZWea9pdL2/cur"
    "0XjSRvpyZVrOlNDR+/y5jSjA83lya87j/S2/KvUDLnTgpt+8nCmwfXs9WDjJ+zxe9ffZTv"
    "X3KZ960Xidwx85fzBwj3PFLBxviFk4TscseJpnEYTXEoBxPoxXFmZHY9pKcbAFos0LQjsE"
    "6Ao1wXRBZOVmHS2zE3BGy6OdpZXypbpasd+aGu3s+MOIyOFjD19nWCuJMpypy5Wq3xeKM4"
    "zKNC7SsJLFDRP2ywUmyMbKbxGpA1Z8C7TR2hZ8A882+GBl9wfk9sHmSTVnrHsJScG11YEg"
    "aVrOpGkvFz/DnxQm6m/xJuHH3FnSEz9z+QcbMZ3e0AluIypvvSC/XkYLLbF1T1/WycstxC"
    "qTtxCPC26hOwurs8WWVOkqbyTwJ6Vyo4NgDMh3Bi+SvHthTf0JebxIjfcndDtX7JRRdnil"
    "/25KLnvjC/aJ9zol190Rb+G90uv/ZIm6/8w4jpTezT+jMniXzOadkq/93jf2t/c6JZPRTf"
    "cL+8B/MyWfe73zs073tzYK3nHvwkWPfg32Qv9i3+KafYvP/fH1ROGiyuhrb3x+Q1sJPpyS"
    "m6F3R2Xc6/7R5V8p9dGUfOkMz0efP6/7SnzAMpjXv3z9voyjWE/yGKUn2TbpCSS/fR9Umo"
    "YdVcSbZjNpawlI4i2dXqP6qlm0jmtUBgLAIQkEkkDqBC9QZZCuUBdoi6UrsG2pBEwbHugd"
    "2bylC/Hu83isowxGzr/a2krJ6euG2+O7Ceo9z7DxX93rr348WAtZLkGW+cQKDPovKvq3ef"
    "cLYpSY9xELPMM2i8H2+Fv0hsVdW5h18KMgvruy22zn44CBAwZOzn2gwQwcxC0cJNrQUR1X"
    "4DrLx3SupQ+I9lVvyMKVC4IeiLWR/2ZKxjfDIf/Ef8NCqoe9NmL/8mO4OU/ove5C6ZVciN"
    "AxHdVQ6KZWrBhOVOhwZTjfVfVIlFwHx9MkRIE7mZBGRQDQJKDcK1oEzrUAgJkE08L/xrNi"
    "szMqAoCmyl5ZlsjEzdYoQoHmBXmf5NInTjboEydpfWKuE93erTZfQhQCumX2QgWWVfFTWJ"
    "OCwCkDZX9IeN2VYRZ2McWEAFLwgkjiBfHmZRmcfdhRQ+GNPcF5Tl0M96nDeUTqim1qT8/A"
    "N0+oOwRzZ4BeeTC3D1iW7yiEc5vvaN1wq++oxyOqV+oLezaRs1AdpFqW/og1FleN9PDPX/"
    "ihVSbBttdqruoG1uhVjOb6M3tHNObUMdQXrKWdRxXeR1gdKFIgiYKks7srrMLAv9iZVh5/"
    "pFgun8AW1buJu7yjotuPyFrzrRaeYfaFFYgQB/+UvDtIg/1TjY8Qh4ozxSrOxFZ64cTICs"
    "+NyzWPaTw+yeMKo62y0T5Jn8vl7eZppLMDoSMiUFJgj5jn+jmNd1j+Ot1u74ofVhe8m5Iv"
    "vQH9m/3LFjBqj4/PWYPw7U4LUT6v/ganfqoWAfNZCIZnw1lfoYQcGQLsfo3JEIho+KkhyX"
    "bjxYTgBJv8juaNBTcync1V1tsIP6ltwY2otVnQxEmINtDGqYlNk8utR7syjV0HOiYK7luZ"
    "x9knqIr6bmNSkLkmCiVjvF5BWFOCgKwkOYGNRBPiCyqFN9wHC4fGpCVh6kKggRyBBhGPVg"
    "kZl5GjRmo5jbd7xGOaUo6jdg6bzlpTVLOyWcWQxv2sJQC7Tp9sJrwpPTTPOVzrPasElJud"
    "OZze36XLH74yDX328hVbtoeBMBQk3qi1NSJkxdsrjxGBrZEhI4KRL4DMOUvfjW5bP9i8Oh"
    "/yekZvrgcdu4WeTOuBjhNamK5F/7RnJhu2FqtYJUgoruQOuc6KCoCA46IgjKMeqmWDwzgi"
    "q1JO10xE4nAJVjVyzDyqhisK4Mx2P64lwC2/T6V/GXJy5NTNgDKTDV6gdaSgdV4hy0HOFW"
    "LPJIfXNt7GeDVgoW0Cky241NpkqFl4pQSxcfnqsJsrTLiNZCMVrahORHX/hUm/K6KqVgs9"
    "4JXDCjJ5RdPXRdIRo8busbjk+p59TsmUdNnRvsxGi/RFe2JB+4j2xgtD+SXc0T2ri4GedG"
    "fBw/65wccRYWkAuo34McFUVjOxPSXEdN6i29sH/HJ7i3Sbi7h0yiNdY0kEDn520BuTWpWs"
    "7hS7pfcD9i4yBScZ8ji50zwBu6fZAbunfsButgHIZoyScdRGpjUQF4KKC3BWz2GzmekCVD"
    "SXeS0CcIImKokm6tqi+FjItE1kMa+f3aKnSVWsfU5Ug9ODIvXTu7ZV/3TCZlsV0AHX6yzT"
    "pSOMHHOtLfL/MLqZdJGmvrS5ksbVOKrn0Zm0YO2pGMviNO90wlRJYiPaT1ohregeeY7/Sa"
    "479DYbsjxBQfSOus6TZPQ+O8fo/adtCiIbhgJA+81lznLZEeryc1a8x6yA3r0WAJ0bdG7Q"
    "uesFJ+jcoHPXBVpZdW66AdKfd2WZc53jm9a84y02699eW5ZvHzbeqoV/MZ+oVsyYVV6zB6"
    "1Uy0E6QX5nbbQyTYOFzXCtuMV4V3WmOy8tRPvGdE6lle5yuoSS/hKs8Zs0aYi1yVYGmxtr"
    "4660HUc9LgmjLsuoC5INU8dz8xU7PeAbynQEAlCMIDbEZcQIefumQOkzTDXD0l6LJMZjzm"
    "SqGonjt1VZ2xsgPx/dnA166Grc6/av+z784bPEL7KP1qny415nkIzC8jWSAlxGVARKPaT5"
    "DPVJfVHmlrksum3EBCEjXZ5NIq0b8KFioRuCHLMcgxxKwijLPMrATH4nzOSr+oWAl5SGPM"
    "vNSxYh0bYxmCOCJyb9p2L+UoY5XjJ7WQYjOXYNfI2do2xGMmjRysNIWrSxYuO8p5FGc/qY"
    "Y97vBrFu7DbSLHXusLLPtr50DZW/pc0Ior3qj+xvL4aT/0lfHLSkq4ToPNIKb7RXFmFm1W"
    "goEw2cp6S7SU3ZL8gvfA02oH7VZ4/Ox53Pk4KrlSfURvxlSjrdSf9rjxWjZa9TMqYze8yK"
    "z/pvkhtUnjCekg8o5TtfEaI3FIC0zz0oXf8HKCu/hGnu8LSE3AGfh+BtVStOPHHkJE/iyE"
    "l24shJcqIT08FFkA7aN+5I6kqOkAwV5B00paQssIEys4Hr0Sqcsi4QhaR1KAcA5QBqCi8Q"
    "rzIEhEI5gNLLAWTtdwDwFoAFO3zhigsR6MNiASUcLdkJO2sO/JUeL9nBlj5bHAk8Av6V1i"
    "ZPgLpus43/z4ah5JDgTPZOuKcLiDt/WkjrXyqHtctmwzN50WwzOpsYbUJO3cmHD3ls6Q8f"
    "sm1pdi1hS9OHqgDCfvMGonuci6k43sBUHKeZCnpHx98E8lKeEREgPQuSnikb4ZCJN3//H0"
    "GzpX0="
)
