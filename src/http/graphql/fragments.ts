import { type DocumentNode, type FragmentDefinitionNode, Kind, visit } from 'graphql'

/** The document's fragments by name (the first of a duplicated name: GraphQL's validation refuses the document anyway). */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value))
      fragments.set(definition.name.value, definition)
  }
  return fragments
}

/**
 * Fragments that spread each other in a cycle, or undefined. Found by peeling off fragments that
 * spread nothing unresolved (Kahn's algorithm) with graphql's own visitor, which keeps an
 * explicit stack: no recursion, however the fragments nest.
 */
export function fragmentCycle(fragments: Map<string, FragmentDefinitionNode>): string[] | undefined {
  const spreads = new Map<string, Set<string>>()
  for (const [name, fragment] of fragments) {
    const names = new Set<string>()
    visit(fragment.selectionSet, {
      FragmentSpread: (node) => void (fragments.has(node.name.value) && names.add(node.name.value)),
    })
    spreads.set(name, names)
  }
  const spreadBy = new Map<string, string[]>()
  for (const [name, names] of spreads)
    for (const spread of names) spreadBy.set(spread, [...(spreadBy.get(spread) ?? []), name])
  const waiting = new Map([...spreads].map(([name, names]) => [name, names.size]))
  const ready = [...waiting].filter(([, count]) => count === 0).map(([name]) => name)
  while (ready.length) {
    const name = ready.pop() as string
    waiting.delete(name)
    for (const user of spreadBy.get(name) ?? []) {
      const count = (waiting.get(user) ?? 0) - 1
      waiting.set(user, count)
      if (count === 0) ready.push(user)
    }
  }
  return waiting.size ? [...waiting.keys()].sort() : undefined
}
