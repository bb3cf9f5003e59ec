// Test helpers for packages that test against a real PostgreSQL (see postgresFixtures).
export { freshPostgresDatabase, postgresAdminUrl, type TestDatabase } from '../postgres/postgresFixtures';
export { OPTUNA_PYTHON, runOptunaScript } from '../optuna/runOptunaScript';
