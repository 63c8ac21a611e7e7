import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Authenticated encryption (AES-256-GCM) for values the database keeps but must not hold in
 * plain text. The associated data binds a sealed value to where it belongs, so a value
 * copied into another row does not open there.
 */
export interface SealedBox {
  seal: (plaintext: string, associatedData: string) => string
  open: (sealed: string, associatedData: string) => string
}

const format = 'v1'
const ivBytes = 12
const tagBytes = 16

export function createSealedBox (key: Buffer): SealedBox {
  if (key.length !== 32) throw new Error('A sealed box needs a 32-byte key.')
  return {
    seal (plaintext, associatedData) {
      const iv = randomBytes(ivBytes)
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes })
      cipher.setAAD(Buffer.from(associatedData, 'utf8'))
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [format, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.')
    },
    open (sealed, associatedData) {
      const [version, iv, tag, ciphertext, extra] = sealed.split('.')
      if (version !== format || iv === undefined || tag === undefined || ciphertext === undefined || extra !== undefined) {
        throw new Error('The sealed value is malformed.')
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: tagBytes })
      decipher.setAAD(Buffer.from(associatedData, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
    }
  }
}
