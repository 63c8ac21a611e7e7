import { createHmac, timingSafeEqual } from 'node:crypto'
import { AppError } from '../errors.js'

/**
 * Opaque keyset cursors: base64url JSON plus an HMAC, so a client can neither read
 * meaning into a cursor nor forge one that points into rows it could not page to.
 */
export interface CursorCodec {
  encode: (payload: readonly unknown[]) => string
  decode: (cursor: string) => unknown[]
}

const signatureBytes = 16

export function createCursorCodec (secret: string): CursorCodec {
  const sign = (data: string): Buffer => createHmac('sha256', secret).update(data).digest().subarray(0, signatureBytes)
  return {
    encode (payload) {
      const data = Buffer.from(JSON.stringify(payload)).toString('base64url')
      return `${data}.${sign(data).toString('base64url')}`
    },
    decode (cursor) {
      const [data, signature, extra] = cursor.split('.')
      if (data === undefined || signature === undefined || extra !== undefined) throw invalidCursor()
      const given = Buffer.from(signature, 'base64url')
      const expected = sign(data)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor()
      const payload: unknown = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'))
      if (!Array.isArray(payload)) throw invalidCursor()
      return payload
    }
  }
}

function invalidCursor (): AppError {
  return new AppError('invalid_cursor', 'The cursor is malformed, was altered, or belongs to another sort order; start again from the first page.', {
    errors: [{ path: 'querystring/cursor', message: 'invalid cursor' }]
  })
}
