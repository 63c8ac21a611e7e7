import { createRequire } from 'node:module'

const requireFromHere = createRequire(import.meta.url)

/**
 * A CommonJS library loaded the first time it is called for, not at start-up: for the
 * libraries no start-up path uses (the Markdown parser, the serializer compiler), whose
 * imports cost ~30-55 ms each of the ~0.9 s from spawn to ready on the bench database. The
 * first request that needs each pays it once instead.
 */
export function onFirstUse<T> (specifier: string): () => T {
  let loaded: T | undefined
  return () => {
    loaded ??= requireFromHere(specifier) as T
    return loaded
  }
}
