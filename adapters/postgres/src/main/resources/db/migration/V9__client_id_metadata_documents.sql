-- Client ID Metadata Documents: a client may be identified by the https URL of its metadata document
-- (draft-ietf-oauth-client-id-metadata-document). Such a client is stored like a registered one (codes and
-- chains refer to it); its row is refreshed from the document, and registered_at is when it was last resolved.
-- The URL is ASCII and at most 2000 characters, well within a b-tree entry.
ALTER TABLE oauth_clients DROP CONSTRAINT oauth_clients_id_check;
ALTER TABLE oauth_clients ADD CONSTRAINT oauth_clients_id_check
    CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$' OR (id ~ '^https://[\x21-\x7e]+$' AND char_length(id) <= 2000));
