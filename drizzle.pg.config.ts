import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts: `npm run db:generate:pg` writes migrations-pg/ from schema-pg.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/core/db/schema-pg.ts',
  out: './electron/core/db/migrations-pg',
});
