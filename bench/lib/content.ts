import { createWeightedPicker, type Random } from './prng.js'

/*
 * Word lists and generators for plausible news copy. Everything is plain ASCII so titles,
 * headings and tags slug predictably; variety comes from combining the lists.
 */

const places = ['Eastgate', 'Northbrook', 'Riverside', 'Harbourview', 'Millbrook', 'Westfield', 'Ashford', 'Kingsbridge', 'Elmwood', 'Stonehaven',
  'Fairport', 'Oakridge', 'Clearwater', 'Redcliff', 'Brighton Hill', 'Lakeshore', 'Greyfield', 'Southmoor', 'Marlow', 'Thornbury',
  'Pine Valley', 'Old Town', 'the harbour district', 'the university quarter', 'the county', 'the region', 'the capital', 'Newbridge', 'Castleton', 'Bayside']

const subjects = ['council', 'mayor', 'school board', 'transport authority', 'health service', 'police', 'fire service', 'library service', 'port authority', 'university',
  'water company', 'housing association', 'planning committee', 'hospital trust', 'chamber of commerce', 'farmers union', 'rail operator', 'energy regulator', 'court', 'museum',
  'parks department', 'tenants group', 'teachers union', 'bus company', 'airport', 'regional parliament', 'audit office', 'weather service', 'football club', 'orchestra']

const verbs = ['approves', 'rejects', 'delays', 'announces', 'expands', 'cuts', 'reviews', 'unveils', 'defends', 'questions',
  'backs', 'halts', 'revives', 'funds', 'scraps', 'doubles', 'opens', 'closes', 'tests', 'extends']

const objects = ['budget', 'bridge repairs', 'cycle lanes', 'school meals', 'flood defences', 'night buses', 'rent controls', 'library hours', 'harbour plan', 'tram line',
  'recycling rules', 'parking fees', 'tree planting', 'housing scheme', 'clinic hours', 'water prices', 'solar farm', 'market hall', 'sports centre', 'speed limits',
  'heat pumps', 'port expansion', 'youth centre', 'waste contract', 'care homes', 'ferry service', 'street lighting', 'wind turbines', 'festival', 'pension fund']

const adjectives = ['new', 'long-awaited', 'controversial', 'costly', 'delayed', 'ambitious', 'modest', 'temporary', 'permanent', 'revised',
  'first', 'final', 'larger', 'smaller', 'cheaper', 'record', 'surprise', 'joint', 'local', 'national']

const nouns = ['residents', 'officials', 'engineers', 'teachers', 'drivers', 'shop owners', 'nurses', 'students', 'tenants', 'farmers',
  'commuters', 'councillors', 'inspectors', 'volunteers', 'economists', 'scientists', 'parents', 'cyclists', 'fishermen', 'analysts']

const people = ['Maria Okafor', 'Tom Lindqvist', 'Aisha Rahman', 'Daniel Moreau', 'Priya Natarajan', 'Jonas Weber', 'Lucia Ferreira', 'Samuel Osei', 'Hannah Kowalski', 'Kenji Sato',
  'Fatima Haddad', 'Oliver Brennan', 'Ingrid Solberg', 'Mateo Alvarez', 'Grace Nwosu', 'Ruth Abrams', 'Viktor Petrov', 'Chloe Martin', 'Ahmed Karimi', 'Elena Rossi']

const firstNames = ['Maria', 'Tom', 'Aisha', 'Daniel', 'Priya', 'Jonas', 'Lucia', 'Samuel', 'Hannah', 'Kenji', 'Fatima', 'Oliver', 'Ingrid', 'Mateo', 'Grace',
  'Ruth', 'Viktor', 'Chloe', 'Ahmed', 'Elena', 'Noah', 'Zara', 'Leo', 'Mia', 'Omar', 'Sofia', 'Yusuf', 'Nina', 'Ravi', 'Clara']

const lastNames = ['Okafor', 'Lindqvist', 'Rahman', 'Moreau', 'Natarajan', 'Weber', 'Ferreira', 'Osei', 'Kowalski', 'Sato', 'Haddad', 'Brennan', 'Solberg',
  'Alvarez', 'Nwosu', 'Abrams', 'Petrov', 'Martin', 'Karimi', 'Rossi', 'Dubois', 'Jensen', 'Novak', 'Silva', 'Tanaka', 'Murphy', 'Costa', 'Berg', 'Ali', 'Young']

const headingPhrases = ['What happened', 'Why it matters', 'The numbers', 'What comes next', 'Background', 'What residents say', 'The cost', 'How we got here',
  'Who decides', 'The opposition', 'What changes', 'What stays the same', 'The timeline', 'Reaction', 'The legal question', 'Where the money goes',
  'A closer look', 'The critics', 'What experts say', 'Frequently asked questions', 'The vote', 'Next steps', 'In numbers', 'Context']

const topicTags = ['politics', 'economy', 'transport', 'housing', 'education', 'health', 'environment', 'climate', 'energy', 'crime',
  'courts', 'culture', 'music', 'theatre', 'film', 'books', 'sport', 'football', 'cycling', 'athletics',
  'science', 'technology', 'business', 'jobs', 'tourism', 'weather', 'agriculture', 'fishing', 'infrastructure', 'water',
  'libraries', 'museums', 'parks', 'elections', 'budget', 'taxes', 'pensions', 'immigration', 'religion', 'food',
  'restaurants', 'markets', 'retail', 'property', 'planning', 'heritage', 'history', 'obituaries', 'opinion', 'analysis',
  'investigation', 'data', 'explainer', 'interview', 'profile', 'review', 'council', 'police', 'fire', 'hospitals',
  'schools', 'universities', 'students', 'children', 'elderly-care', 'social-care', 'disability', 'equality', 'labour', 'strikes',
  'trade', 'shipping', 'aviation', 'rail', 'buses', 'roads', 'parking', 'cycling-lanes', 'walking', 'air-quality',
  'flooding', 'storms', 'wildlife', 'forests', 'rivers', 'coast', 'recycling', 'waste', 'solar', 'wind-power',
  'ai', 'privacy', 'startups', 'banking', 'inflation', 'interest-rates', 'consumer', 'lifestyle', 'fashion', 'travel']

const placeTags = ['eastgate', 'northbrook', 'riverside', 'harbourview', 'millbrook', 'westfield', 'ashford', 'kingsbridge', 'elmwood', 'stonehaven',
  'fairport', 'oakridge', 'clearwater', 'redcliff', 'brighton-hill', 'lakeshore', 'greyfield', 'southmoor', 'marlow', 'thornbury',
  'pine-valley', 'old-town', 'newbridge', 'castleton', 'bayside']

/** About 300 lowercase kebab-case tags: topics, places, and topic-in-place pairs. */
export const tagVocabulary: readonly string[] = (() => {
  const tags = [...topicTags, ...placeTags]
  // Every (place, topic) pair is distinct: 7 is coprime with the number of topics.
  for (let index = 0; tags.length < 300 && index < placeTags.length * topicTags.length; index++) {
    const place = placeTags[index % placeTags.length] ?? 'eastgate'
    const topic = topicTags[(Math.floor(index / placeTags.length) * 7) % topicTags.length] ?? 'news'
    const tag = `${place}-${topic}`
    if (!tags.includes(tag)) tags.push(tag)
  }
  return tags
})()

// Tag popularity follows a Zipf-like curve: a few tags are on thousands of articles, most on a few hundred.
const pickTag = createWeightedPicker(tagVocabulary, tagVocabulary.map((_tag, rank) => 1 / Math.pow(rank + 1, 0.8)))

export function generateTags (random: Random): string[] {
  const count = random.int(1, 8)
  const tags = new Set<string>()
  while (tags.size < count) tags.add(pickTag(random))
  return [...tags]
}

export function personName (random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`
}

function capitalise (text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function generateTitle (random: Random): string {
  const place = random.pick(places)
  const shapes: Array<() => string> = [
    () => `${place} ${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(adjectives)} ${random.pick(objects)}`,
    () => `${capitalise(random.pick(objects))} in ${place}: ${random.pick(nouns)} ask what comes next`,
    () => `${capitalise(random.pick(adjectives))} ${random.pick(objects)} for ${place} after ${random.int(2, 40)} months of talks`,
    () => `Why ${random.pick(nouns)} in ${place} are worried about the ${random.pick(objects)}`,
    () => `${capitalise(random.pick(subjects))} ${random.pick(verbs)} ${random.pick(objects)} as ${random.pick(nouns)} protest`
  ]
  return random.pick(shapes)()
}

function sentence (random: Random): string {
  const templates: Array<() => string> = [
    () => `The ${random.pick(subjects)} ${random.pick(verbs)} the ${random.pick(adjectives)} ${random.pick(objects)} on ${random.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, after a debate that lasted ${random.int(2, 9)} hours.`,
    () => `About ${random.int(120, 48000).toLocaleString('en-GB')} ${random.pick(nouns)} in ${random.pick(places)} are affected, according to figures published by the ${random.pick(subjects)}.`,
    () => `"We have waited long enough," said ${random.pick(people)}, who has lived in ${random.pick(places)} for ${random.int(3, 60)} years.`,
    () => `Costs rose by ${random.int(2, 48)} percent over the period, while the number of ${random.pick(nouns)} stayed roughly the same.`,
    () => `Critics say the ${random.pick(objects)} will do little for ${random.pick(nouns)}, and that the money would be better spent on ${random.pick(objects)}.`,
    () => `The plan, first proposed in ${random.int(1998, 2024)}, has been revised ${random.int(2, 7)} times.`,
    () => `According to ${random.pick(people)} of the ${random.pick(subjects)}, the **${random.pick(adjectives)} ${random.pick(objects)}** should be finished by ${random.pick(['spring', 'summer', 'autumn', 'winter'])}.`,
    () => `A spokesperson for the ${random.pick(subjects)} declined to comment on the *${random.pick(objects)}* but said a statement would follow.`,
    () => `The full report is available on the [${random.pick(subjects)} website](https://example.org/${random.pick(objects).replace(/ /g, '-')}/${random.int(1, 9999)}).`,
    () => `Data released this week show ${random.int(3, 97)} percent of ${random.pick(nouns)} support the change, up from ${random.int(3, 97)} percent last year.`,
    () => `${capitalise(random.pick(nouns))} in ${random.pick(places)} have been asked to register by ${random.int(1, 28)} ${random.pick(['March', 'June', 'September', 'December'])}.`,
    () => `The dataset, published as \`${random.pick(objects).replace(/ /g, '_')}_${random.int(2015, 2026)}.csv\`, lists every ${random.pick(['site', 'contract', 'station', 'school', 'clinic'])} by district.`
  ]
  return random.pick(templates)()
}

function paragraph (random: Random): string {
  const sentences: string[] = []
  const count = random.int(3, 6)
  for (let index = 0; index < count; index++) sentences.push(sentence(random))
  return sentences.join(' ')
}

function list (random: Random, ordered: boolean): string {
  const items: string[] = []
  const count = random.int(3, 6)
  for (let index = 0; index < count; index++) {
    items.push(`${ordered ? `${index + 1}.` : '-'} ${capitalise(random.pick(adjectives))} ${random.pick(objects)} for ${random.pick(nouns)} in ${random.pick(places)}`)
  }
  return items.join('\n')
}

function heading (random: Random): string {
  return random.chance(0.7) ? random.pick(headingPhrases) : `${random.pick(headingPhrases)} in ${random.pick(places)}`
}

export interface GeneratedHeading {
  level: number
  text: string
}

export interface GeneratedBody {
  markdown: string
  headings: GeneratedHeading[]
}

/** Markdown of roughly `targetLength` characters: an intro, then sections with ## and ### headings. */
export function generateBody (random: Random, targetLength: number): GeneratedBody {
  const headings: GeneratedHeading[] = []
  const blocks: string[] = [paragraph(random)]
  if (random.chance(0.5)) blocks.push(paragraph(random))
  let length = blocks.reduce((sum, block) => sum + block.length + 2, 0)
  let inSection = false
  while (length < targetLength) {
    const level = inSection && random.chance(0.25) ? 3 : 2
    const text = heading(random)
    headings.push({ level, text })
    const section = [`${'#'.repeat(level)} ${text}`, paragraph(random)]
    inSection = true
    const extra = random.next()
    if (extra < 0.15) section.push(list(random, false))
    else if (extra < 0.22) section.push(list(random, true))
    else if (extra < 0.3) section.push(`> ${sentence(random)}`)
    if (random.chance(0.6)) section.push(paragraph(random))
    for (const block of section) {
      blocks.push(block)
      length += block.length + 2
    }
  }
  return { markdown: blocks.join('\n\n'), headings }
}

export function generateDek (random: Random): string {
  return `${sentence(random)} ${random.chance(0.5) ? sentence(random) : ''}`.trim()
}

export const models = ['newsroom-writer-2', 'summariser-1.4', 'claude-sonnet-4', 'gpt-4.1'] as const

const publisherKinds = ['Gazette', 'Herald', 'Times', 'Post', 'Radio', 'Statistics Office', 'Council Press Office']

/** About 200 publishers: a place and a kind of outlet or office. */
export const publishers: readonly string[] = places
  .filter((place) => !place.startsWith('the '))
  .flatMap((place) => publisherKinds.map((kind) => `${place} ${kind}`))
  .concat(['Regional Audit Office', 'National Weather Service', 'Transport Research Lab', 'Open Data Portal', 'Hospital Trust Reports', 'University Press Office'])
  .slice(0, 200)

export function generateSourceTitle (random: Random): string {
  const shapes: Array<() => string> = [
    () => `${capitalise(random.pick(objects))}: annual report ${random.int(2015, 2026)}`,
    () => `${capitalise(random.pick(subjects))} statement on the ${random.pick(adjectives)} ${random.pick(objects)}`,
    () => `Minutes of the ${random.pick(subjects)} meeting, ${random.int(1, 28)} ${random.pick(['March', 'June', 'September', 'December'])}`,
    () => `${capitalise(random.pick(nouns))} and the ${random.pick(objects)} in ${random.pick(places)}: survey results`
  ]
  return random.pick(shapes)()
}

export function generateCommentBody (random: Random): string {
  const openers = ['Good piece.', 'I disagree.', 'Thanks for covering this.', 'Not convinced.', 'This affects my street.', 'Finally.', 'Interesting.', 'What about the costs?']
  const sentences = [random.pick(openers), sentence(random)]
  if (random.chance(0.4)) sentences.push(sentence(random))
  return sentences.join(' ')
}
