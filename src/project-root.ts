/**
 * The project's root directory (package.json, migrations/), found from this file's
 * place one level under it: src/ when run from source, dist/ when built, and the same for
 * the bundled dist/server.js, whose modules all share its URL. Paths relative to a
 * module's own depth would break in the bundle.
 */
export const projectRoot = new URL('../', import.meta.url)
