-- Written by the SQLite stores of commit 76a4546 (tests/Monitoring.LayoutFixtures); the layout before issue 14.
CREATE TABLE alert_analysts (
    analyst_id   TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    api_key_hash TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL);
CREATE TABLE alert_story_alerts (
    alert_id            TEXT NOT NULL PRIMARY KEY,
    subscription_id     TEXT NOT NULL,
    analyst_id          TEXT NOT NULL,
    story_id            TEXT NOT NULL,
    article_id          TEXT NOT NULL,
    title               TEXT NULL,
    url                 TEXT NULL,
    topics              TEXT NOT NULL,
    countries           TEXT NOT NULL,
    article_count       INTEGER NOT NULL,
    outlets             TEXT NOT NULL,
    article_ids         TEXT NOT NULL,
    latest_article_id   TEXT NULL,
    latest_title        TEXT NULL,
    latest_url          TEXT NULL,
    updated_at          TEXT NULL,
    urgent              INTEGER NOT NULL DEFAULT 0,
    article_ingested_at TEXT NOT NULL,
    raised_at           TEXT NOT NULL,
    delivery_status     TEXT NOT NULL,
    due_at              TEXT NULL,
    delivery_attempts   INTEGER NOT NULL DEFAULT 0,
    delivered_at        TEXT NULL,
    last_error          TEXT NULL,
    delivered_channels  TEXT NOT NULL DEFAULT '[]',
    not_relevant_at     TEXT NULL,
    feedback_comment    TEXT NULL,
    lease_until         TEXT NULL,
    UNIQUE (subscription_id, story_id));
CREATE TABLE alert_subscriptions (
    subscription_id TEXT NOT NULL PRIMARY KEY,
    analyst_id      TEXT NOT NULL,
    name            TEXT NOT NULL,
    topics          TEXT NOT NULL,
    countries       TEXT NOT NULL,
    keywords        TEXT NOT NULL,
    webhook_url     TEXT NULL,
    created_at      TEXT NOT NULL, definition TEXT NULL, signing_secret TEXT NULL);
CREATE TABLE classify_coded_events (
    event_id            TEXT NOT NULL PRIMARY KEY,
    article_id          TEXT NOT NULL,
    story_id            TEXT NOT NULL,
    source_name         TEXT NULL,
    source_url          TEXT NULL,
    published_at        TEXT NULL,
    date_added          TEXT NOT NULL,
    actor1_code         TEXT NOT NULL,
    actor1_name         TEXT NOT NULL,
    actor1_country_code TEXT NOT NULL,
    actor1_type1_code   TEXT NULL,
    actor2_code         TEXT NOT NULL,
    actor2_name         TEXT NOT NULL,
    actor2_country_code TEXT NOT NULL,
    actor2_type1_code   TEXT NULL,
    event_code          TEXT NOT NULL,
    event_base_code     TEXT NOT NULL,
    event_root_code     TEXT NOT NULL,
    quad_class          INTEGER NOT NULL,
    goldstein_scale     REAL NOT NULL,
    is_root_event       INTEGER NOT NULL,
    num_mentions        INTEGER NOT NULL,
    sentence            TEXT NOT NULL,
    sentence_start      INTEGER NOT NULL,
    trigger             TEXT NOT NULL,
    trigger_start       INTEGER NOT NULL);
CREATE TABLE classify_events (
    article_id    TEXT NOT NULL PRIMARY KEY,
    story_id      TEXT NOT NULL,
    title         TEXT NULL,
    url           TEXT NULL,
    source        TEXT NULL,
    language      TEXT NOT NULL,
    published_at  TEXT NULL,
    ingested_at   TEXT NOT NULL,
    classified_at TEXT NOT NULL,
    topics        TEXT NOT NULL,
    countries     TEXT NOT NULL,
    entities      TEXT NULL);
CREATE TABLE ingest_articles (
    article_id   TEXT NOT NULL PRIMARY KEY,
    story_id     TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,
    title        TEXT NULL,
    url          TEXT NULL,
    source       TEXT NULL,
    language     TEXT NOT NULL,
    published_at TEXT NULL,
    ingested_at  TEXT NOT NULL,
    announced_at TEXT NULL);
CREATE TABLE ingest_source_items (
    source_id TEXT NOT NULL,
    item_key  TEXT NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key));
CREATE TABLE ingest_sources (
    id               TEXT NOT NULL PRIMARY KEY,
    url              TEXT NOT NULL,
    name             TEXT NULL,
    poll_interval_ms INTEGER NOT NULL,
    enabled          INTEGER NOT NULL,
    origin           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    status           TEXT NOT NULL);
CREATE TABLE ingest_story_members (
    article_id TEXT NOT NULL PRIMARY KEY,
    story_id   TEXT NOT NULL,
    outlet     TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    signature  BLOB NOT NULL);
CREATE INDEX alert_story_alerts_analyst ON alert_story_alerts (analyst_id, raised_at DESC);
CREATE INDEX alert_story_alerts_due ON alert_story_alerts (delivery_status, due_at);
CREATE INDEX alert_subscriptions_analyst ON alert_subscriptions (analyst_id, created_at);
CREATE INDEX classify_coded_events_date ON classify_coded_events (date_added DESC);
CREATE INDEX classify_coded_events_pair_date ON classify_coded_events (actor1_country_code, actor2_country_code, date_added DESC);
CREATE INDEX classify_coded_events_root_date ON classify_coded_events (event_root_code, date_added DESC);
CREATE INDEX classify_coded_events_story ON classify_coded_events (story_id);
CREATE INDEX classify_coded_events_target_date ON classify_coded_events (actor2_country_code, date_added DESC);
CREATE INDEX classify_events_classified_at ON classify_events (classified_at DESC);
CREATE UNIQUE INDEX ingest_articles_url_unique ON ingest_articles (url) WHERE url IS NOT NULL;
CREATE INDEX ingest_story_members_seen ON ingest_story_members (seen_at);
CREATE INDEX ingest_story_members_story ON ingest_story_members (story_id);
INSERT INTO alert_analysts (analyst_id, name, api_key_hash, created_at) VALUES ('an-1', 'Ada', 'key-hash-1', '2025-03-14 11:26:53.589+02:00');
INSERT INTO alert_story_alerts (alert_id, subscription_id, analyst_id, story_id, article_id, title, url, topics, countries, article_count, outlets, article_ids, latest_article_id, latest_title, latest_url, updated_at, urgent, article_ingested_at, raised_at, delivery_status, due_at, delivery_attempts, delivered_at, last_error, delivered_channels, not_relevant_at, feedback_comment, lease_until) VALUES ('al-1', 'sub-1', 'an-1', 's-1', 'a-full', 'Arrests in Lyon', 'https://news.example/lyon', '["law-enforcement"]', '["FRA"]', 2, '["example-news","other-news"]', '["a-full","a-copy"]', 'a-copy', 'Two arrested in Lyon', 'https://other.example/lyon', '2025-03-14 11:31:53.589+02:00', 1, '2025-03-14 11:27:53.589+02:00', '2025-03-14 11:29:53.589+02:00', 'Pending', NULL, 1, NULL, NULL, '["webhook:https://hooks.example/a"]', NULL, NULL, '2025-03-14 11:33:53.589+02:00');
INSERT INTO alert_story_alerts (alert_id, subscription_id, analyst_id, story_id, article_id, title, url, topics, countries, article_count, outlets, article_ids, latest_article_id, latest_title, latest_url, updated_at, urgent, article_ingested_at, raised_at, delivery_status, due_at, delivery_attempts, delivered_at, last_error, delivered_channels, not_relevant_at, feedback_comment, lease_until) VALUES ('al-2', 'sub-2', 'an-1', 's-2', 'a-bare', NULL, NULL, '[]', '[]', 1, '[]', '["a-bare"]', NULL, NULL, NULL, NULL, 0, '2025-03-14 11:28:53.589+02:00', '2025-03-14 11:30:53.589+02:00', 'NotRequired', '2025-03-14 13:26:53.589+02:00', 0, NULL, NULL, '[]', '2025-03-14 11:34:53.589+02:00', 'not ours', NULL);
INSERT INTO alert_subscriptions (subscription_id, analyst_id, name, topics, countries, keywords, webhook_url, created_at, definition, signing_secret) VALUES ('sub-1', 'an-1', 'French arrests', '["law-enforcement"]', '["FRA"]', '["arrest"]', 'https://hooks.example/a', '2025-03-14 11:27:53.589+02:00', '{"query":"topic:law-enforcement AND country:FRA","minScore":2.5,"channels":[{"type":"Webhook","target":"https://hooks.example/a"},{"type":"Email","target":"ada@example.org"}],"schedule":{"kind":"Daily","at":"08:30:00","timeZone":"Europe/Paris"},"quietHours":{"from":"22:00:00","to":"07:00:00","timeZone":"Europe/Paris"},"urgentQuery":"\u0022terror\u0022","notifyOnUpdates":true}', 'secret-1');
INSERT INTO alert_subscriptions (subscription_id, analyst_id, name, topics, countries, keywords, webhook_url, created_at, definition, signing_secret) VALUES ('sub-2', 'an-1', 'Anything', '[]', '[]', '[]', NULL, '2025-03-14 11:28:53.589+02:00', '{"query":null,"minScore":null,"channels":[],"schedule":{"kind":"Immediate","at":null,"timeZone":null},"quietHours":null,"urgentQuery":null,"notifyOnUpdates":false}', NULL);
INSERT INTO classify_coded_events (event_id, article_id, story_id, source_name, source_url, published_at, date_added, actor1_code, actor1_name, actor1_country_code, actor1_type1_code, actor2_code, actor2_name, actor2_country_code, actor2_type1_code, event_code, event_base_code, event_root_code, quad_class, goldstein_scale, is_root_event, num_mentions, sentence, sentence_start, trigger, trigger_start) VALUES ('a-full:FRACOP:FRA:173', 'a-full', 's-1', 'example-news', 'https://news.example/lyon', '2025-03-14 11:26:53.589+02:00', '2025-03-14 11:28:53.589+02:00', 'FRACOP', 'Police', 'FRA', 'COP', 'FRA', 'two men', 'FRA', NULL, '173', '173', '17', 4, -5, 1, 2, 'Police in Lyon arrested two men.', 0, 'arrested', 15);
INSERT INTO classify_coded_events (event_id, article_id, story_id, source_name, source_url, published_at, date_added, actor1_code, actor1_name, actor1_country_code, actor1_type1_code, actor2_code, actor2_name, actor2_country_code, actor2_type1_code, event_code, event_base_code, event_root_code, quad_class, goldstein_scale, is_root_event, num_mentions, sentence, sentence_start, trigger, trigger_start) VALUES ('a-bare:USA:RUS:042', 'a-bare', 'a-bare', NULL, NULL, NULL, '2025-03-14 11:28:53.589+02:00', 'USA', 'Washington', 'USA', NULL, 'RUS', 'Moscow', 'RUS', NULL, '042', '042', '04', 1, 1.9, 0, 1, 'Washington visited Moscow.', 0, 'visited', 11);
INSERT INTO classify_events (article_id, story_id, title, url, source, language, published_at, ingested_at, classified_at, topics, countries, entities) VALUES ('a-full', 's-1', 'Arrests in Lyon', 'https://news.example/lyon', 'example-news', 'en', '2025-03-14 11:26:53.589+02:00', '2025-03-14 11:27:53.589+02:00', '2025-03-14 11:28:53.589+02:00', '[{"Id":"law-enforcement","Score":7.5,"Evidence":[{"Rule":"law-enforcement/terms/police","Text":"Police","Start":16,"End":22,"Weight":5}]},{"Id":"crime","Score":2.25,"Evidence":null}]', '["FRA"]', '[{"Id":"country:fra","Type":"country","Name":"France","Code":"FRA","Country":"FRA","Sectors":["GOV"],"Role":"Minister","Mentions":[{"Rule":"country:fra","Text":"Lyon","Start":26,"End":30,"Weight":0}]},{"Id":"org:un","Type":"organisation","Name":"United Nations","Code":"UN","Country":null,"Sectors":null,"Role":null,"Mentions":[{"Rule":"org:un#surname","Text":"UN","Start":40,"End":42,"Weight":0}]}]');
INSERT INTO classify_events (article_id, story_id, title, url, source, language, published_at, ingested_at, classified_at, topics, countries, entities) VALUES ('a-bare', 'a-bare', NULL, NULL, NULL, 'und', NULL, '2025-03-14 11:28:53.589+02:00', '2025-03-14 11:29:53.589+02:00', '[]', '[]', NULL);
INSERT INTO ingest_articles (article_id, story_id, content_hash, text, title, url, source, language, published_at, ingested_at, announced_at) VALUES ('a-full', 's-1', 'hash-full', 'Police in Lyon arrested two men.', 'Arrests in Lyon', 'https://news.example/lyon', 'example-news', 'en', '2025-03-14 11:26:53.589+02:00', '2025-03-14 11:27:53.589+02:00', '2025-03-14 11:29:53.589+02:00');
INSERT INTO ingest_articles (article_id, story_id, content_hash, text, title, url, source, language, published_at, ingested_at, announced_at) VALUES ('a-bare', 'a-bare', 'hash-bare', 'Text only.', NULL, NULL, NULL, 'und', NULL, '2025-03-14 11:28:53.589+02:00', NULL);
INSERT INTO ingest_source_items (source_id, item_key, seen_at) VALUES ('example-world', 'https://news.example/world/item-1', '2025-03-14 11:37:53.589+02:00');
INSERT INTO ingest_sources (id, url, name, poll_interval_ms, enabled, origin, created_at, status) VALUES ('example-world', 'https://news.example/world.rss', 'Example World', 900000, 1, 'config', '2025-03-14 11:26:53.589+02:00', '{"lastPolledAt":"2025-03-14T11:36:53.589+02:00","lastSuccessAt":"2025-03-14T11:35:53.589+02:00","nextPollAt":"2025-03-14T11:51:53.589+02:00","lastOutcome":"error","lastError":"HTTP 503","consecutiveFailures":2,"lastItemsSeen":20,"lastItemsNew":3,"totalItemsSeen":400,"totalItemsNew":57,"totalErrors":4,"totalPolls":31,"eTag":"\u0022abc\u0022","lastModified":"2025-03-14T10:26:53.589+02:00"}');
INSERT INTO ingest_sources (id, url, name, poll_interval_ms, enabled, origin, created_at, status) VALUES ('bare', 'https://bare.example/feed', NULL, 90000, 0, 'api', '2025-03-14 11:27:53.589+02:00', '{"lastPolledAt":null,"lastSuccessAt":null,"nextPollAt":null,"lastOutcome":null,"lastError":null,"consecutiveFailures":0,"lastItemsSeen":0,"lastItemsNew":0,"totalItemsSeen":0,"totalItemsNew":0,"totalErrors":0,"totalPolls":0,"eTag":null,"lastModified":null}');
INSERT INTO ingest_story_members (article_id, story_id, outlet, seen_at, signature) VALUES ('a-full', 's-1', 'example-news', '2025-03-14 11:27:53.589+02:00', X'01020304FAFBFCFD');
