-- Issue 10.6: a robot message links to where the thing is done. The path is fixed when the
-- message is queued, from what the notification knew (a routing's project, for one); the
-- server's public address is added when it is sent.
ALTER TABLE deliveries ADD COLUMN link TEXT NOT NULL DEFAULT '';
