import neostandard from 'neostandard'
import tseslint from 'typescript-eslint'

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map(({ group, message }) => ({ group, message, allowTypeImports: true })) }]
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
  { files: ['src/modules/**/*.routes.ts'], rules: restrict([databaseLayer, repositories]) },
  { files: ['src/modules/**/*.service.ts'], rules: restrict([databaseLayer, httpLayer, routes]) },
  { files: ['src/modules/**/*.repository.ts'], rules: restrict([httpLayer, routes, services, errors]) },
  { files: ['src/modules/**/*.schemas.ts', 'src/schemas/**/*.ts'], rules: restrict([databaseLayer, httpLayer, repositories, services, routes]) },
  { files: ['src/lib/**/*.ts', 'src/errors.ts', 'src/config.ts'], rules: restrict([httpLayer, repositories, services, routes]) }
]
