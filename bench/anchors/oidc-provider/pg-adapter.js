// A PostgreSQL adapter for node-oidc-provider, written the way its adapter contract (lib/adapters/memory_adapter.js)
// asks: every model in one table keyed by (model name, id), the payload as jsonb, one statement per call. A save
// is one upsert; a consume is one UPDATE; nothing is batched or cached.
const SCHEMA = `
CREATE SCHEMA IF NOT EXISTS oidc;
CREATE TABLE IF NOT EXISTS oidc.models (
    model       text        NOT NULL,
    id          text        NOT NULL,
    payload     jsonb       NOT NULL,
    grant_id    text,
    user_code   text,
    uid         text,
    expires_at  timestamptz,
    consumed_at timestamptz,
    PRIMARY KEY (model, id)
);
CREATE INDEX IF NOT EXISTS models_grant_id ON oidc.models (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS models_user_code ON oidc.models (user_code) WHERE user_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS models_uid ON oidc.models (uid) WHERE uid IS NOT NULL;
`;

// Models whose rows carry a grantId and are removed when the grant is revoked.
const GRANTABLE = new Set([
  'AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'ClientCredentials',
  'BackchannelAuthenticationRequest', 'Grant',
]);

export async function createSchema(pool) {
  await pool.query(SCHEMA);
}

export function pgAdapter(pool) {
  return class PgAdapter {
    constructor(model) {
      this.model = model;
    }

    async upsert(id, payload, expiresIn) {
      await pool.query(
        `INSERT INTO oidc.models (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [this.model, id, payload, GRANTABLE.has(this.model) ? payload.grantId ?? null : null,
          payload.userCode ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    }

    async find(id) {
      return this.#one('id = $2', id);
    }

    async findByUid(uid) {
      return this.#one('uid = $2', uid);
    }

    async findByUserCode(userCode) {
      return this.#one('user_code = $2', userCode);
    }

    async consume(id) {
      await pool.query('UPDATE oidc.models SET consumed_at = now() WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async destroy(id) {
      await pool.query('DELETE FROM oidc.models WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId) {
      await pool.query('DELETE FROM oidc.models WHERE grant_id = $1', [grantId]);
    }

    async #one(where, value) {
      const { rows } = await pool.query(
        `SELECT payload, consumed_at FROM oidc.models
         WHERE model = $1 AND ${where} AND (expires_at IS NULL OR expires_at > now())`,
        [this.model, value],
      );
      if (rows.length === 0) return undefined;
      const { payload, consumed_at: consumedAt } = rows[0];
      return consumedAt ? { ...payload, consumed: Math.floor(consumedAt.getTime() / 1000) } : payload;
    }
  };
}
