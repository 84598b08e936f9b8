-- The campaign funnel (GET /api/v1/automations/funnel) reads each run's auth requests and
-- outbound messages by campaign_run_id: index only the rows that belong to a run.
CREATE INDEX auth_request_campaign_run
    ON auth_request (tenant_id, campaign_run_id) WHERE campaign_run_id IS NOT NULL;
CREATE INDEX outbound_message_campaign_run
    ON outbound_message (tenant_id, campaign_run_id) WHERE campaign_run_id IS NOT NULL;
