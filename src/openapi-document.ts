import { buildApp } from './app.js'
import { parseConfig } from './config.js'
import { migrateDatabase, openDatabase } from './db/client.js'
import { toYaml } from './openapi/yaml.js'

/** The OpenAPI document exactly as the running code serves it. */
export async function generateOpenApiObject (): Promise<Record<string, unknown>> {
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0' }), database, logger: false })
  try {
    await app.ready()
    return app.swagger() as unknown as Record<string, unknown>
  } finally {
    await app.close()
    database.close()
  }
}

export interface GeneratedArtifact {
  path: string
  content: string
}

/** Every committed file derived from the code: the document (JSON and YAML) and the typed client's types. */
export async function generateArtifacts (): Promise<GeneratedArtifact[]> {
  const document = await generateOpenApiObject()
  // Loaded only here: the generator is a development tool, absent from production installs.
  const { default: openapiTS, astToString } = await import('openapi-typescript')
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { defaultNonNullable: false, alphabetize: true })
  return [
    { path: 'openapi/openapi.json', content: `${JSON.stringify(document, null, 2)}\n` },
    { path: 'openapi/openapi.yaml', content: toYaml(document) },
    { path: 'clients/typescript/schema.d.ts', content: astToString(ast) }
  ]
}
