import neostandard from 'neostandard'
import tseslint from 'typescript-eslint'

// Libraries no start-up path needs load on first use; a static import would put them back on it.
const firstUse = { group: ['markdown-it', 'fast-json-stringify'], message: 'Load it with onFirstUse (src/lib/on-first-use.ts): a static import loads it at start-up.' }

// Every source file gets the first-use rule; a later block for the same files replaces the rule, so it is always added here.
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, firstUse].map(({ group, message }) => ({ group, message, allowTypeImports: true })) }]
})

const databaseLayer = { group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', '**/db/schema.js'], message: 'Only repositories (and src/db) touch drizzle and SQL.' }
const httpLayer = { group: ['fastify', 'fastify-plugin', '@fastify/*', 'fastify-type-provider-zod'], message: 'Only routes, plugins and app.ts know about HTTP.' }
const repositories = { group: ['**/*.repository.js'], message: 'Routes call services; services call repositories.' }
const routes = { group: ['**/*.routes.js'], message: 'Nothing depends on routes but the module list.' }
const services = { group: ['**/*.service.js'], message: 'Repositories do not call services.' }
const errors = { group: ['**/errors.js'], message: 'Repositories return data or undefined; services decide which error it is.' }

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'clients/typescript/schema.d.ts', 'coverage/**', '.tap/**'] }),
  {
    files: ['**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  { files: ['src/**/*.ts'], rules: restrict([]) },
  { files: ['src/modules/**/*.routes.ts'], rules: restrict([databaseLayer, repositories]) },
  { files: ['src/modules/**/*.service.ts'], rules: restrict([databaseLayer, httpLayer, routes]) },
  { files: ['src/modules/**/*.repository.ts'], rules: restrict([httpLayer, routes, services, errors]) },
  { files: ['src/modules/**/*.schemas.ts', 'src/schemas/**/*.ts'], rules: restrict([databaseLayer, httpLayer, repositories, services, routes]) },
  { files: ['src/lib/**/*.ts', 'src/errors.ts', 'src/config.ts'], rules: restrict([httpLayer, repositories, services, routes]) }
]
