import { Readable } from 'node:stream'
import type { FastifyReply, FastifySchemaCompiler } from 'fastify'
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { parseNdjson } from '../../lib/ndjson.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import { createExportService } from './transfer.export.service.js'
import { createImportService } from './transfer.import.service.js'
import { ImportItemSchema, ImportItemsSchema, ImportReportSchema } from './transfer.schemas.js'

const tags = ['Transfer']
export const ndjsonType = 'application/x-ndjson'

const transferRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const importer = createImportService(deps)
  const exporter = createExportService(deps)
  const { bodyLimitBytes, maxItems } = deps.config.importLimits

  // Registered in this module only: no other route accepts NDJSON.
  app.addContentTypeParser(ndjsonType, { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseNdjson(body as string))
  })

  // The body is checked only for being a list of at most maxItems: items are validated one
  // by one by the import, so that one bad item is reported instead of refusing the rest.
  const itemList = z.array(z.unknown()).max(maxItems, `at most ${maxItems} items per import (IMPORT_MAX_ITEMS); split larger files, importing is idempotent`)
  // Fastify calls a route's compiler once per part with that part's schema (its typings say the whole route schema).
  const importValidator = (route: Parameters<FastifySchemaCompiler<unknown>>[0]): ReturnType<typeof validatorCompiler> =>
    validatorCompiler({ ...route, schema: route.httpPart === 'body' ? itemList : route.schema as z.ZodType })

  app.post('/import', {
    bodyLimit: bodyLimitBytes,
    validatorCompiler: importValidator,
    schema: {
      operationId: 'importContent',
      tags,
      summary: 'Import articles, sources and comments',
      description: [
        'Creates or updates many items at once: a JSON array, or NDJSON (application/x-ndjson, one item per line) such as GET /v1/export writes. Articles are matched by slug, sources by normalised URL, comments by id; an item that would change nothing is reported unchanged and writes nothing, so importing the same file twice is a no-op.',
        'Every item goes through the same rules as the API (an author\'s items stay drafts, ai-generated articles need sources and a review to go public, every change is a new version). Items are validated and written one by one: the answer is 200 with a result per item, and the valid ones land even when others fail. Sources are written first, then articles, then related links (which may name articles later in the file), then comments.',
        'Limits: IMPORT_BODY_LIMIT bytes (default 128 MiB; 413 beyond) and IMPORT_MAX_ITEMS items (default 20,000; 400 beyond). Comment lines need the admin scope; reviewed: true needs an editor or admin.'
      ].join('\n\n'),
      consumes: ['application/json', ndjsonType],
      body: ImportItemsSchema,
      response: { 200: ImportReportSchema, ...problems(403, 413, 415) }
    },
    config: { access: { scope: 'content:write' } },
    // request.body is typed as the documented items, but holds what the validator let through: unknown values.
    handler: async (request) => importer.run(request.body as readonly unknown[], request.caller!)
  })

  app.get('/export', {
    schema: {
      operationId: 'exportContent',
      tags,
      summary: 'Export everything as NDJSON',
      description: 'Streams every source, article (with its citations by source URL and related articles by slug) and approved comment, one JSON object per line with a type field, in the order POST /v1/import needs: the output imports into an empty database as the same content, ids included. Read in pages as the client reads, so any size streams in flat memory; not a point-in-time snapshot if others write meanwhile.',
      response: {
        200: { description: 'One ImportItem per line: sources, then articles, then approved comments (parents before replies).', content: { [ndjsonType]: { schema: ImportItemSchema } } },
        ...problems(403)
      }
    },
    config: { access: { scope: 'admin' } },
    handler: async (_request, typedReply) => {
      // The response schema documents each line; what is sent is a stream of them.
      const reply: FastifyReply = typedReply
      const date = new Date(deps.clock().getTime()).toISOString().slice(0, 10)
      reply.type(ndjsonType).header('content-disposition', `attachment; filename="newsdesk-export-${date}.ndjson"`)
      return reply.send(Readable.from(exporter.chunks(), { objectMode: false }))
    }
  })
}

export default transferRoutes
