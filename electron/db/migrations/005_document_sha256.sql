-- 005: a policy document remembers the SHA-256 of the file it was read from, so importing the same file
-- again is recognised as a document already in the ledger. Documents saved before this are '' (their
-- import batches still hold the hash in import_file; 文号 and title/issuer find them too).
ALTER TABLE policy_document ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX policy_document_sha256 ON policy_document (sha256);
