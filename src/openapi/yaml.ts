import { stringify } from 'yaml'

/**
 * The OpenAPI document as YAML, the same for the served /openapi.yaml and the committed
 * openapi/openapi.yaml. Shared objects are written out in full rather than as YAML anchors,
 * which some OpenAPI tools do not follow; long strings are not folded, so diffs stay one line each.
 */
export function toYaml (document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 })
}
